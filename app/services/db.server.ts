// The one database connection of the process (indie stack singleton pattern). The server entry
// (scripts/server.ts) and the Remix build share it through globalThis, so it also survives rebuilds.
import { openDatabase, type DB } from "../../db/client";

declare global {
  // eslint-disable-next-line no-var
  var __db: DB | undefined;
}

export function getDb(): DB {
  if (!globalThis.__db) globalThis.__db = openDatabase().db;
  return globalThis.__db;
}

/** For tests and scripts that open their own database. */
export function setDb(db: DB | undefined) {
  globalThis.__db = db;
}

export type { DB };

/** A database handle or an open transaction: model functions accept either. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type Executor = DB | Tx;
