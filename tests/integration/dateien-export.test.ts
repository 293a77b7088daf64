// DSGVO zip export (issue 14): /konto/daten.zip holds the JSON export and the user's own uploaded files,
// byte-identical, nobody else's; beyond the size cap files are named in nicht-enthalten.txt instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { createTestDb, makeUser } from "../setup/db";
import type { DB } from "../../db/client";
import { forumPosts, users } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { createTopic, ensureCategories, getCategory, type Actor } from "~/models/forum.server";
import { acceptUpload } from "~/models/attachment.server";
import { exportUserZip } from "~/models/dsgvo.server";
import { streamToTemp } from "~/services/files/upload.server";
import { minimalPdf } from "~/services/files/pdf";
import * as zipRoute from "~/routes/konto.daten[.]zip";

let db: DB;
let cleanup: () => void;
let filesDir: string;
let me: Actor;
let other: Actor;
let cookie: string;
let postId: number;
const mine: { id: number; name: string; bytes: Buffer }[] = [];

async function actor(role: Actor["role"], city: string): Promise<Actor> {
  const u = await makeUser(db, role, city);
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, u.id)).get()!.name;
  return { id: u.id, role, cityId: u.cityId, name };
}
async function upload(bytes: Buffer, name: string, who: Actor) {
  const r = await acceptUpload(db, { temp: await streamToTemp(Readable.from([bytes])), name, uploaderId: who.id, parentType: "forum_post", parentId: String(postId) });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}
async function collect(gen: AsyncGenerator<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const c of gen) parts.push(c);
  return new Uint8Array(Buffer.concat(parts));
}

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), "sn-export-"));
  process.env.FILES_DIR = filesDir;
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  me = await actor("mitglied", "duisburg");
  other = await actor("mitglied", "dortmund");
  cookie = (await createUserSession(me.id)).split(";")[0];
  const cat = getCategory(db, "gesundheit", { id: me.id, role: me.role, cityId: me.cityId })!;
  const topic = createTopic(db, { category: cat, title: "Merkblätter zum Teilen", raw: "Siehe Anhang.", handlungsfelder: [], staedte: [] }, me);
  postId = db.select().from(forumPosts).where(eq(forumPosts.topicId, topic)).get()!.id;
  for (const [name, bytes] of [
    ["Merkblatt Über-Gänge.pdf", minimalPdf(["Merkblatt", "Übergänge"])],
    ["zahlen.csv", Buffer.from("Jahr;Zuzug\n2012;1000\n")],
    ["gross.pdf", Buffer.concat([minimalPdf(["gross"]), randomBytes(3 * 1024 * 1024)])],
  ] as const)
    mine.push({ id: await upload(Buffer.from(bytes), name, me), name, bytes: Buffer.from(bytes) });
  await upload(minimalPdf(["fremd"]), "fremd.pdf", other);
});
afterAll(() => {
  cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

describe("/konto/daten.zip", () => {
  it("streams a zip with the JSON export and the user's own files, byte-identical, and nobody else's", async () => {
    const res = (await zipRoute.loader({ request: new Request("http://localhost:3000/konto/daten.zip", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/zip");
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="meine-daten-staedtenetz\.zip"/);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const json = JSON.parse(strFromU8(files["meine-daten.json"])) as { konto: { email: string }; dateianhaenge: { name: string }[] };
    expect(json.dateianhaenge.map((a) => a.name).sort()).toEqual(mine.map((m) => m.name).sort());
    for (const m of mine) expect(Buffer.from(files[`dateien/${m.id}-${m.name}`]).equals(m.bytes)).toBe(true);
    expect(Object.keys(files).filter((k) => k.startsWith("dateien/"))).toHaveLength(mine.length);
    expect(Object.keys(files).some((k) => k.includes("fremd"))).toBe(false);
    expect(files["nicht-enthalten.txt"]).toBeUndefined();
  });

  it("needs a signed-in user", async () => {
    let r: unknown;
    try {
      r = await zipRoute.loader({ request: new Request("http://localhost:3000/konto/daten.zip"), params: {}, context: {} });
    } catch (e) {
      r = e;
    }
    expect(r).toBeInstanceOf(Response);
    expect([302, 401, 403]).toContain((r as Response).status);
  });

  it("beyond the size cap, files are named in nicht-enthalten.txt instead of included", async () => {
    const files = unzipSync(await collect(exportUserZip(db, me.id, { maxBytes: 1024 * 1024 })!));
    const included = Object.keys(files).filter((k) => k.startsWith("dateien/"));
    expect(included.sort()).toEqual(
      mine
        .filter((m) => m.bytes.length < 1024 * 1024)
        .map((m) => `dateien/${m.id}-${m.name}`)
        .sort(),
    );
    const note = strFromU8(files["nicht-enthalten.txt"]);
    expect(note).toContain(`${mine[2].id}-gross.pdf`);
    expect(note).toMatch(/über der Grenze von 1 GB/);
  });
});
