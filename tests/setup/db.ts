// Integration tests: the real migrations on a fresh SQLite file per test file (no mocks of our database).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, runMigrations, type DB } from "../../db/client";
import { setDb } from "../../app/services/db.server";
import { seedCities } from "../../db/seed";
import { createUser } from "../../app/models/user.server";
import type { Role } from "../../app/utils/taxonomy";
import { eq } from "drizzle-orm";
import { cities } from "../../db/schema/index";

export function createTestDb(opts: { seed?: boolean } = {}): { db: DB; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "sn-db-"));
  const path = join(dir, "test.db");
  const { db } = openDatabase(`file:${path}`);
  runMigrations(db);
  setDb(db);
  globalThis.__lucia = undefined;
  if (opts.seed !== false) seedCities(db);
  return {
    db,
    path,
    cleanup: () => {
      db.$client.close();
      setDb(undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = "korrekt pferd batterie heftklammer";

export async function makeUser(db: DB, role: Role, city?: string, email?: string) {
  const cityId = city ? db.select({ id: cities.id }).from(cities).where(eq(cities.slug, city)).get()!.id : null;
  const id = await createUser(db, {
    email: email ?? `${role}.${city ?? "x"}.${Math.random().toString(36).slice(2, 8)}@test.invalid`,
    name: `${role} ${city ?? ""}`.trim(),
    password: TEST_PASSWORD,
    role,
    cityId,
  });
  return { id, role, cityId };
}
