// A tiny SMTP sink for tests and benchmarks (node:net, loopback only, no dependency): it speaks just enough
// SMTP for nodemailer (220 greeting, EHLO/HELO, MAIL, RCPT, DATA → 354, end of data → 250, RSET, NOOP,
// QUIT → 221), records every accepted message, can answer slowly (a delay per command) and can be "down"
// (it stops listening, so connections are refused, and comes back on the same port).
import { createServer, type Server, type Socket } from "node:net";

export type SinkCommand = "greeting" | "EHLO" | "HELO" | "MAIL" | "RCPT" | "DATA" | "END" | "RSET" | "NOOP" | "QUIT";
export type Delivery = { from: string; to: string[]; data: string; at: number };

export type SmtpSink = {
  port: number;
  url: string;
  deliveries: Delivery[];
  /** Delay in ms before the reply to each command ("END" = the reply after the message data). */
  setDelay(delay: number | Partial<Record<SinkCommand, number>>): void;
  /** Stops listening (connections are refused) and drops open sessions. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startSmtpSink(opts: { delay?: number | Partial<Record<SinkCommand, number>> } = {}): Promise<SmtpSink> {
  let delays: Partial<Record<SinkCommand, number>> = {};
  const setDelay = (d: number | Partial<Record<SinkCommand, number>>) => {
    delays =
      typeof d === "number"
        ? { greeting: d, EHLO: d, HELO: d, MAIL: d, RCPT: d, DATA: d, END: d, RSET: d, NOOP: d, QUIT: d }
        : { ...d };
  };
  setDelay(opts.delay ?? 0);
  const deliveries: Delivery[] = [];
  const sockets = new Set<Socket>();

  const handle = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = "";
    let inData = false;
    let from = "";
    let to: string[] = [];
    let queue = Promise.resolve();
    const reply = (cmd: SinkCommand, text: string, end = false) => {
      queue = queue.then(
        () =>
          new Promise<void>((r) =>
            setTimeout(() => {
              if (!socket.destroyed) socket.write(`${text}\r\n`);
              if (end) socket.end();
              r();
            }, delays[cmd] ?? 0),
          ),
      );
    };
    reply("greeting", "220 sink.test ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const data = buffer.slice(0, end).replace(/^\.\./gm, ".");
          buffer = buffer.slice(end + 5);
          inData = false;
          deliveries.push({ from, to, data, at: Date.now() });
          from = "";
          to = [];
          reply("END", "250 2.0.0 Ok: queued");
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") reply("EHLO", "250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8");
        else if (verb === "HELO") reply("HELO", "250 sink.test");
        else if (verb === "MAIL") {
          from = line.slice(10).trim();
          reply("MAIL", "250 2.1.0 Ok");
        } else if (verb === "RCPT") {
          to.push(line.slice(8).trim().replace(/^<|>$/g, ""));
          reply("RCPT", "250 2.1.5 Ok");
        } else if (verb === "DATA") {
          inData = true;
          reply("DATA", "354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET") {
          from = "";
          to = [];
          reply("RSET", "250 Ok");
        } else if (verb === "NOOP") reply("NOOP", "250 Ok");
        else if (verb === "QUIT") reply("QUIT", "221 Bye", true);
        else reply("NOOP", "502 5.5.2 Command not recognized");
      }
    });
  };

  let server: Server = createServer(handle);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as { port: number }).port);
      });
    });
  const port = await listen(0);
  let listening = true;

  const stop = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    deliveries,
    setDelay,
    down: stop,
    async up() {
      if (listening) return;
      server = createServer(handle);
      await listen(port);
      listening = true;
    },
    close: stop,
  };
}

/** The value of one header of a delivered message (unfolded). */
export function headerOf(d: Delivery, name: string): string | undefined {
  const head = d.data.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const m = head.match(new RegExp(`^${name}:\\s*(.*)$`, "im"));
  return m?.[1];
}
