// German linguistics, synonyms and question ranking over the REAL corpus (content/wissen, content/foerderung)
// through GET /api/suche, as tests/search/judged.test.ts does. Which articles are right was decided by reading them:
//   "KV für Kinder": health insurance of children – Vorsorgeuntersuchungen für zugewanderte Kinder (children "wie ihre
//     Eltern meist nicht krankenversichert"), Schwangerschaft und Entbindung ohne Krankenversicherung (newborns),
//     Basisversorgung Nichtversicherter im Gesundheitsamt (children's care among it). "KV" appears in no document:
//     only the synonym group KV ↔ Krankenversicherung (seeded by migration 0011) can find them.
//   The question "Wer zahlt die Krankenversicherung, wenn die Eltern nicht versichert sind?": the same three plus
//     Krankenversicherungsschutz herstellen and the Fonds/Clearingstelle article ("Versorgung bis zur Klärung des
//     Versicherungsschutzes", who pays meanwhile). Not every word is in them ("zahlt", "Eltern"): a question must
//     not need every word.
//   "Versicherung": the word stands almost only inside compounds (Krankenversicherung, Versicherungsschutz):
//     Krankenversicherungsschutz herstellen, Schwangerschaft … ohne Krankenversicherung, Basisversorgung, EHIC.
//   "Notfallhilfe Wohnung": "Wohnungsnotfallhilfe" is one compound in the programme „Hilfen in Wohnungsnotfällen“ and
//     in the Dortmund Wohnungszugangsstrategie; „Endlich ein ZUHAUSE!“ offers "Notfallhilfen".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../setup/db";
import { loadCorpus } from "../search/corpus";
import { upsertSearchDocs } from "~/services/search/documents.server";
import { loader } from "~/routes/api.suche";

let t: ReturnType<typeof createTestDb>;
beforeAll(() => {
  t = createTestDb({ seed: false });
  globalThis.__searchIndex = undefined;
  t.db.transaction((tx) => upsertSearchDocs(tx, loadCorpus()));
});
afterAll(() => t.cleanup());

async function top(q: string, n = 3): Promise<string[]> {
  const res = (await loader({ request: new Request(`http://localhost/api/suche?q=${encodeURIComponent(q)}`), params: {}, context: {} })) as Response;
  expect(res.status).toBe(200);
  const body = (await res.json()) as { hits: { typ: string; slug: string }[] };
  return body.hits.slice(0, n).map((h) => `${h.typ}:${h.slug}`);
}

const KV_KINDER = ["wissen:gesundheit-vorsorgeuntersuchungen-kinder", "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung", "wissen:gesundheit-basisversorgung-gesundheitsamt"];
const QUESTION = [...KV_KINDER, "wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:gesundheit-notfallfonds-clearingstelle"];
const VERSICHERUNG = ["wissen:gesundheit-krankenversicherungsschutz-herstellen", "wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung", "wissen:gesundheit-basisversorgung-gesundheitsamt", "wissen:glossar-ehic"];
const NOTFALLHILFE = ["foerderung:hilfen-in-wohnungsnotfaellen", "wissen:wohnen-wohnungszugangsstrategie-dortmund", "foerderung:endlich-ein-zuhause"];

describe("done-when 3: the four queries over the real corpus", () => {
  it("„KV für Kinder“ finds the articles on children's health insurance through the synonym KV", async () => {
    const t3 = await top("KV für Kinder");
    expect(t3.filter((id) => KV_KINDER.includes(id)).length, t3.join(", ")).toBeGreaterThanOrEqual(1);
    expect(t3, t3.join(", ")).toContain("wissen:gesundheit-schwangerschaft-entbindung-ohne-versicherung");
  });

  it("the long question finds them although no article has every word", async () => {
    const t3 = await top("Wer zahlt die Krankenversicherung, wenn die Eltern nicht versichert sind?");
    expect(t3.filter((id) => QUESTION.includes(id)).length, t3.join(", ")).toBeGreaterThanOrEqual(2);
    expect(t3, t3.join(", ")).toContain("wissen:gesundheit-vorsorgeuntersuchungen-kinder");
  });

  it("„Versicherung“ finds the compounds Krankenversicherung / Versicherungsschutz", async () => {
    const t3 = await top("Versicherung");
    expect(t3.every((id) => VERSICHERUNG.includes(id)), t3.join(", ")).toBe(true);
  });

  it("„Notfallhilfe Wohnung“ finds the compound Wohnungsnotfallhilfe (parts in another order)", async () => {
    const t3 = await top("Notfallhilfe Wohnung");
    expect(t3.filter((id) => NOTFALLHILFE.includes(id)).length, t3.join(", ")).toBeGreaterThanOrEqual(2);
    expect(t3).toContain("foerderung:hilfen-in-wohnungsnotfaellen");
  });
});

describe("linguistics on both sides", () => {
  it("an inflected form finds the stem's documents (Versicherungen → Versicherung)", async () => {
    expect((await top("Versicherungen")).some((id) => VERSICHERUNG.includes(id))).toBe(true);
  });
  it("a compound finds its parts: „Wohnungsnotfallhilfe“ also finds „Notfall (Wohnungsnotfall)“-texts", async () => {
    const t10 = await top("Wohnungsnotfallhilfe", 10);
    expect(t10).toContain("foerderung:hilfen-in-wohnungsnotfaellen");
    expect(t10.length).toBeGreaterThan(2);
  });
  it("stop words never hide an exact title: „Was geht wann und wie“ finds the checklists", async () => {
    const t3 = await top("Checkliste Gesundheit: Was geht wann und wie?");
    expect(t3[0]).toBe("wissen:checkliste-gesundheit");
  });
});
