// How many connections wait in the kernel's accept queue of a listening TCP port (Linux: /proc/net/tcp{,6}).
// For a socket in LISTEN state (st 0A) the rx_queue column is the current accept-queue length. Returns null where
// /proc is not available, so callers can fall back to a heuristic.
import { readFileSync } from "node:fs";

export function parseAcceptQueue(table: string, port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  let found = false;
  let total = 0;
  for (const line of table.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5) continue;
    const [, local, , st, queues] = cols;
    if (st !== "0A" || !local.endsWith(`:${hexPort}`)) continue;
    found = true;
    total += parseInt(queues.split(":")[1] ?? "0", 16);
  }
  return found ? total : null;
}

export function acceptQueueLength(port: number): number | null {
  let result: number | null = null;
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      const n = parseAcceptQueue(readFileSync(file, "latin1"), port);
      if (n != null) result = (result ?? 0) + n;
    } catch {
      /* not Linux, or no IPv6 */
    }
  }
  return result;
}
