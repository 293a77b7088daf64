// The abo matcher's timer (decision 020): works off the abo outbox every few seconds, off the request path, in
// the server process (like the mail loop). Safe beside other processes: the ledger makes each alert unique.
import type { DB } from "./db.server";
import { runAboMatcher } from "~/models/abo.server";

const TICK_MS = 15_000;

declare global {
  // eslint-disable-next-line no-var
  var __aboMatcher: NodeJS.Timeout | undefined;
}

export function startAboMatcher(db: DB, opts: { tickMs?: number } = {}) {
  if (globalThis.__aboMatcher) return;
  const tick = () => {
    try {
      runAboMatcher(db);
    } catch (e) {
      console.error(`abos: Abgleich fehlgeschlagen (${String((e as Error)?.message).slice(0, 200)})`);
    }
  };
  globalThis.__aboMatcher = setInterval(tick, opts.tickMs ?? TICK_MS);
  globalThis.__aboMatcher.unref();
}

export function stopAboMatcher() {
  if (globalThis.__aboMatcher) clearInterval(globalThis.__aboMatcher);
  globalThis.__aboMatcher = undefined;
}
