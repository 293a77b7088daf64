import { describe, expect, it } from "vitest";
import net from "node:net";
import { spawn } from "node:child_process";
import { acceptQueueLength, parseAcceptQueue } from "../../scripts/lib/accept-queue";

const TABLE = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:0CEA 00000000:0000 0A 00000200:00000005 00:00000000 00000000  1000        0 1 1 0 100 0 0 10 0
   1: 0100007F:0CEA 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000  1000        0 2 1 0 20 4 30 10 -1
   2: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 3 1 0 100 0 0 10 0`;

describe("accept queue length", () => {
  it("reads the rx_queue of the LISTEN socket of the port only", () => {
    expect(parseAcceptQueue(TABLE, 3306)).toBe(5);
    expect(parseAcceptQueue(TABLE, 8080)).toBe(0);
    expect(parseAcceptQueue(TABLE, 9999)).toBeNull();
  });

  it.runIf(process.platform === "linux")("counts connections the kernel completed while the process was too busy to accept them", async () => {
    // A child listens, reports its port, then blocks its event loop for 3 s: connections queue in the kernel.
    const child = spawn(process.execPath, ["-e", `const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port)+"\\n");setTimeout(()=>Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,3000),50);});`]);
    try {
      const port = await new Promise<number>((ok) => child.stdout.once("data", (d: Buffer) => ok(Number(String(d).trim()))));
      await new Promise((r) => setTimeout(r, 300));
      expect(acceptQueueLength(port)).toBe(0);
      const sockets = await Promise.all(
        Array.from({ length: 3 }, () => new Promise<net.Socket>((ok) => { const c = net.connect(port, "127.0.0.1", () => ok(c)); })),
      );
      expect(acceptQueueLength(port)).toBe(3);
      for (const c of sockets) c.destroy();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
