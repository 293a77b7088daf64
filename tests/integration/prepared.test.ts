// preparedFor (decision 025): one statement per handle and shape, and a bound on the shapes it keeps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "../setup/db";
import type { DB } from "../../db/client";
import { preparedFor } from "~/models/prepared.server";

let db: DB;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDb());
});
afterAll(() => cleanup());

describe("preparedFor", () => {
  it("builds a shape once per handle and binds its values per call", () => {
    let builds = 0;
    const get = (n: number) =>
      preparedFor(db, "test.echo", (d) => {
        builds++;
        return d.select({ n: sql<number>`${sql.placeholder("n")}` }).from(sql`(select 1)`).prepare();
      }).get({ n })!.n;
    expect([get(1), get(2), get(3)]).toEqual([1, 2, 3]);
    expect(builds).toBe(1);
  });

  it("keeps at most 500 shapes: a shape that depends on input cannot grow the map without end", () => {
    const builds = new Map<string, number>();
    const build = (shape: string) => () => {
      builds.set(shape, (builds.get(shape) ?? 0) + 1);
      return { shape };
    };
    for (let i = 0; i < 600; i++) preparedFor(db, `test.many:${i}`, build(`test.many:${i}`));
    for (let i = 0; i < 600; i++) preparedFor(db, `test.many:${i}`, build(`test.many:${i}`));
    expect(builds.get("test.many:0")).toBe(1); // kept
    expect(builds.get("test.many:599")).toBe(2); // over the bound: built per call, still correct
    expect(preparedFor(db, "test.many:599", build("test.many:599"))).toEqual({ shape: "test.many:599" });
  });
});
