// The write side of the abo outbox (decision 020): models call this inside the transaction of a change to an
// entry of a followable list; the matcher (abo.server.ts) works the rows off later, off the request path.
import { aboOutbox } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";

export type AboChange = { liste: "foerderung" | "wissen" | "projekte" | "forderungen" | "termine"; key: string; version: number; actorId: string | null };

export function aboEntryChanged(tx: Executor, e: AboChange) {
  tx.insert(aboOutbox).values({ liste: e.liste, entryKey: e.key, version: e.version, actorId: e.actorId }).run();
}
