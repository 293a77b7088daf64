// Done-when 4 of issue 17: a synonym group added by the Redaktion at /verwaltung/synonyme works on the very next
// search through GET /api/suche – same process, no restart, no cache to wait for. Also: who may maintain the
// groups, German field errors, edit and delete (with confirmation), audit entries, the page-cache data version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, makeUser } from "../setup/db";
import { createUserSession } from "~/services/auth.server";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { loader as apiSuche } from "~/routes/api.suche";
import * as listRoute from "~/routes/verwaltung.synonyme";
import * as editRoute from "~/routes/verwaltung.synonyme_.$id";
import * as deleteRoute from "~/routes/verwaltung.synonyme_.$id_.loeschen";
import { listSynonyms } from "~/services/search/synonyms.server";
import { auditLog } from "../../db/schema/index";

let t: ReturnType<typeof createTestDb>;
let redaktion: string;
let mitglied: string;
beforeAll(async () => {
  t = createTestDb();
  globalThis.__searchIndex = undefined;
  t.db.transaction((tx) =>
    upsertSearchDocs(tx, [
      { id: "wissen:wohngeld", typ: "wissen", slug: "wohngeld", url: "/wissen/wohngeld", title: "Wohngeld beantragen", visibility: "public", body: "Zuschuss zur Miete für Haushalte mit geringem Einkommen." },
      { id: "wissen:schule", typ: "wissen", slug: "schule", url: "/wissen/schule", title: "Schulanmeldung", visibility: "public", body: "Anmeldung an der Grundschule." },
    ]),
  );
  redaktion = await createUserSession((await makeUser(t.db, "redaktion")).id);
  mitglied = await createUserSession((await makeUser(t.db, "mitglied", "dortmund")).id);
});
afterAll(() => t.cleanup());

const cookieOf = (c: string) => c.split(";")[0];
async function post(route: { action: (a: never) => unknown }, url: string, form: Record<string, string>, cookie: string, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieOf(cookie) },
  });
  try {
    return (await route.action({ request, params, context: {} } as never)) as Response;
  } catch (e) {
    return e as Response;
  }
}
async function search(q: string): Promise<string[]> {
  const res = (await apiSuche({ request: new Request(`http://localhost/api/suche?q=${encodeURIComponent(q)}`), params: {}, context: {} })) as Response;
  return ((await res.json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug);
}
const dataVersion = () => t.db.$client.prepare("SELECT v FROM data_version WHERE id = 1").pluck().get() as number;

describe("synonyms from the administration", () => {
  it("a group added through the form works on the next search, and bumps the page-cache data version", async () => {
    expect(await search("WoGG")).toEqual([]);
    const before = dataVersion();
    const res = await post(listRoute, "/verwaltung/synonyme", { begriffe: "WoGG\nWohngeld", notiz: "Wohngeldgesetz" }, redaktion);
    expect(res.status).toBe(302);
    expect(await search("WoGG")).toEqual(["wohngeld"]);
    expect(dataVersion()).toBeGreaterThan(before);
    const group = listSynonyms(t.db).find((g) => g.terms.includes("WoGG"))!;
    expect(group).toMatchObject({ terms: ["WoGG", "Wohngeld"], note: "Wohngeldgesetz" });
    const entries = t.db.select().from(auditLog).all().filter((a) => a.action === "search.synonym.create");
    expect(entries).toHaveLength(1);
  });

  it("editing a group changes the next search; deleting it (after confirmation) ends it", async () => {
    const group = listSynonyms(t.db).find((g) => g.terms.includes("WoGG"))!;
    const edited = await post(editRoute, `/verwaltung/synonyme/${group.id}`, { begriffe: "WoGG\nSchulanmeldung", notiz: "" }, redaktion, { id: String(group.id) });
    expect(edited.status).toBe(302);
    expect(await search("WoGG")).toEqual(["schule"]);
    const noConfirm = await post(deleteRoute, `/verwaltung/synonyme/${group.id}/loeschen`, {}, redaktion, { id: String(group.id) });
    expect(noConfirm.status).toBe(400);
    expect(await search("WoGG")).toEqual(["schule"]);
    const deleted = await post(deleteRoute, `/verwaltung/synonyme/${group.id}/loeschen`, { intent: "confirm" }, redaktion, { id: String(group.id) });
    expect(deleted.status).toBe(302);
    expect(await search("WoGG")).toEqual([]);
    expect(listSynonyms(t.db).some((g) => g.id === group.id)).toBe(false);
  });

  it("German errors on the terms field: fewer than two distinct terms", async () => {
    const before = listSynonyms(t.db).length;
    const res = (await post(listRoute, "/verwaltung/synonyme", { begriffe: "KV\nkv", notiz: "" }, redaktion)) as unknown as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(res.init.status).toBe(400);
    expect(res.data.errors.begriffe).toMatch(/mindestens zwei verschiedene Begriffe/);
    expect(listSynonyms(t.db)).toHaveLength(before);
  });

  it("members may not maintain synonyms (403)", async () => {
    const res = await post(listRoute, "/verwaltung/synonyme", { begriffe: "A1\nB2", notiz: "" }, mitglied);
    expect(res.status).toBe(403);
  });

  it("the seed from the glossary and the hand list: KV, SGB II/Bürgergeld, BuT, EHIC, ESF+", () => {
    const all = listSynonyms(t.db).map((g) => g.terms);
    for (const pair of [["KV", "Krankenversicherung"], ["SGB II", "Bürgergeld"], ["BuT", "Bildung und Teilhabe"], ["EHIC", "Europäische Krankenversicherungskarte"], ["ESF+", "ESF Plus"]])
      expect(all.some((g) => pair.every((p) => g.includes(p))), pair.join(" ↔ ")).toBe(true);
  });
});
