import { integer, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

/** Timestamps are stored as unix milliseconds (integer) so ordering and arithmetic stay portable. */
export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`)
    .$onUpdate(() => new Date());

/** JSON array of strings stored as text. */
export const jsonList = (name: string) =>
  text(name, { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`);
