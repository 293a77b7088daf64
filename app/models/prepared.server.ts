// Hot list queries of the public pages, prepared once per database handle and query shape instead of built by
// drizzle and prepared by SQLite on every request (issue 18: about a quarter of an uncached `/` went there).
// The shape key names everything that changes the SQL text (which filters are present, how many values an IN
// list has); the values themselves are `sql.placeholder`s. Inside a transaction the query is built as before.
import type { Executor } from "~/services/db.server";

const byHandle = new WeakMap<object, Map<string, unknown>>();
/** Shapes kept per handle. Shapes come from code and number a few dozen; this bound only keeps a shape that by
 * mistake depends on input from growing the map without end (further shapes are then built per call). */
const MAX_SHAPES = 500;

/**
 * The prepared statement for `shape` on this handle, made by `build` on first use. `build` must return a query
 * whose SQL depends only on `shape`; a transaction (no `$client`) gets a fresh one each time.
 */
export function preparedFor<T>(db: Executor, shape: string, build: (db: Executor) => T): T {
  if (!("$client" in db)) return build(db);
  let statements = byHandle.get(db);
  if (!statements) {
    statements = new Map();
    byHandle.set(db, statements);
  }
  let stmt = statements.get(shape) as T | undefined;
  if (stmt === undefined) {
    stmt = build(db);
    if (statements.size < MAX_SHAPES) statements.set(shape, stmt);
  }
  return stmt;
}
