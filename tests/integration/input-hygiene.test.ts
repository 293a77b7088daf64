// Bounded, clean input through the real routes: text hygiene (no NUL, BEL or bidi override reaches the database
// from any form), the display-name spoof, length limits on the big fields and the field-count cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, makeUser, TEST_PASSWORD } from "../setup/db";
import type { DB } from "../../db/client";
import { cities, forumPosts, forumTopics, users } from "../../db/schema/index";
import { createUserSession } from "~/services/auth.server";
import { ensureCategories } from "~/models/forum.server";
import { createInvitation } from "~/models/user.server";
import { LIMITS, MAX_FORM_FIELDS } from "~/utils/forms";
import * as konto from "~/routes/konto";
import * as registrieren from "~/routes/registrieren.$token";
import * as anmelden from "~/routes/anmelden";
import * as forumNeu from "~/routes/forum.$kategorie.neu";
import * as thema from "~/routes/forum.$kategorie.$themaId";
import * as beitragBearbeiten from "~/routes/forum.$kategorie.$themaId_.bearbeiten.$nr";
import * as projekteNeu from "~/routes/projekte.neu";
import * as projektDetail from "~/routes/projekte.$slug";
import * as wissenNeu from "~/routes/wissen.neu";
import * as foerderungNeu from "~/routes/foerderung.neu";
import * as staedte from "~/routes/verwaltung.staedte";

let db: DB;
let cleanup: () => void;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ensureCategories(db);
  for (const [key, role, city] of [
    ["mitglied", "mitglied", "duisburg"],
    ["mitglied2", "mitglied", "dortmund"],
    ["koDo", "koordination", "dortmund"],
    ["redaktion", "redaktion", undefined],
    ["admin", "admin", undefined],
  ] as const) {
    const u = await makeUser(db, role, city);
    ids[key] = u.id;
    cookies[key] = (await createUserSession(u.id)).split(";")[0];
  }
});
afterAll(() => cleanup());

type Action = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type Result = { status: number; errors: Record<string, string>; location: string | null };

async function post(action: Action, path: string, who: string | undefined, fields: Record<string, string | string[]> | [string, string][], params: Record<string, string> = {}): Promise<Result> {
  const form = new FormData();
  for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  const request = new Request(`http://localhost:3000${path}`, { method: "POST", body: form, headers: who ? { Cookie: cookies[who] } : {} });
  let r: unknown;
  try {
    r = await action({ request, params, context: {} });
  } catch (e) {
    r = e;
  }
  if (r instanceof Response) return { status: r.status, errors: {}, location: r.headers.get("Location") };
  const d = r as { data?: { errors?: Record<string, string> }; init?: { status?: number } };
  return { status: d.init?.status ?? 200, errors: d.data?.errors ?? (r as { errors?: Record<string, string> }).errors ?? {}, location: null };
}

const cityId = (slug: string) => String(db.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get()!.id);
const DIRTY = "\u0000\u0007\u202E\u2066";
/** A text that carries NUL, BEL, an RTL override and an isolate in the middle. */
const dirty = (s: string) => `${s.slice(0, 3)}${DIRTY}${s.slice(3)}`;

/** Every text value in every table of the database (the whole file, not only the tables we wrote). */
function allStoredText(): { table: string; column: string; value: string }[] {
  const out: { table: string; column: string; value: string }[] = [];
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%'").all() as { name: string }[];
  for (const { name } of tables) {
    for (const row of db.$client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) if (typeof value === "string") out.push({ table: name, column, value });
    }
  }
  return out;
}

describe("display names", () => {
  it("a name with U+202E is stored and shown without it (Konto)", async () => {
    const r = await post(konto.action as Action, "/konto", "mitglied", { intent: "name", name: "Mia\u202Egnp.exe\u202C" });
    expect(r.status).toBe(302);
    expect(db.select({ name: users.name }).from(users).where(eq(users.id, ids.mitglied)).get()!.name).toBe("Miagnp.exe");
    const page = (await konto.loader({ request: new Request("http://localhost:3000/konto", { headers: { Cookie: cookies.mitglied } }), params: {}, context: {} } as never)) as { account: { name: string } } | Record<string, unknown>;
    expect(JSON.stringify(page)).toContain("Miagnp.exe");
    expect(JSON.stringify(page)).not.toMatch(/\u202E|\\u202e/i);
  });

  it("a name with invisible characters is cleaned at registration too", async () => {
    const inv = createInvitation(db, { id: ids.admin, name: "Admin" }, { email: "neu.hygiene@test.invalid", role: "mitglied", cityId: null });
    const r = await post(registrieren.action as Action, `/registrieren/${inv.token}`, undefined, { name: "\u200BNeu\u0000 \u202EPerson\u2069 ", password: TEST_PASSWORD, password2: TEST_PASSWORD }, { token: inv.token });
    expect(r.status).toBe(302);
    expect(db.select({ name: users.name }).from(users).where(eq(users.email, "neu.hygiene@test.invalid")).get()!.name).toBe("Neu Person");
  });

  it("a name made only of invisible characters is refused at the field", async () => {
    const r = await post(konto.action as Action, "/konto", "mitglied2", { intent: "name", name: "\u200B\u200B\u202E\u202C\u0000" });
    expect(r.status).toBe(400);
    expect(r.errors.name).toMatch(/mindestens 2 Zeichen/);
  });
});

describe("no NUL, BEL or bidi override reaches the database from any form", () => {
  it("through topic, reply, post edit, project, project update, article, programme and city forms", async () => {
    const raw = dirty("Wie melden andere Städte Kinder ohne Meldebescheinigung in der Schule an?");
    expect((await post(forumNeu.action as Action, "/forum/allgemeines/neu", "mitglied", { title: dirty("Schulanmeldung ohne Meldebescheinigung"), raw }, { kategorie: "allgemeines" })).status).toBe(302);
    const topic = db.select().from(forumTopics).all().at(-1)!;
    const tp = { kategorie: "allgemeines", themaId: String(topic.id) };
    expect((await post(thema.action as Action, `/forum/allgemeines/${topic.id}`, "mitglied2", { intent: "reply", raw: dirty("In Dortmund geht das über das Schulamt.\r\nZweite Zeile") }, tp)).status).toBe(302);
    expect((await post(beitragBearbeiten.action as Action, `/forum/allgemeines/${topic.id}/bearbeiten/1`, "mitglied", { raw: dirty("Nachgetragen: Es geht um Kinder im Grundschulalter.") }, { ...tp, nr: "1" })).status).toBe(302);
    const flagTarget = db.select().from(forumPosts).where(eq(forumPosts.topicId, topic.id)).all()[1];
    expect((await post(thema.action as Action, `/forum/allgemeines/${topic.id}`, "mitglied", { intent: "flag", postId: String(flagTarget.id), reason: "sonstiges", detail: dirty("Bitte prüfen") }, tp)).status).toBe(302);

    const project = {
      titel: dirty("Schulwegbegleitung Nordstadt"),
      zusammenfassung: dirty("Eltern begleiten Kinder."),
      stadt: cityId("dortmund"),
      status: "idee",
      statusDatum: "2026-11-01",
      felder: ["kinder-bildung"],
      zielgruppen: dirty("Familien, Kinder"),
      problem: dirty("Viele Kinder kommen nicht an."),
      kontakt: dirty("Schulamt Dortmund"),
      sichtbarkeit: "members",
      "zeilen.indikator": "1",
      "indikator.0.name": dirty("Begleitete Kinder"),
      "indikator.0.einheit": dirty("Kinder"),
      intent: "speichern",
    };
    const p = await post(projekteNeu.action as Action, "/projekte/neu", "koDo", project);
    expect(p.status).toBe(302);
    const slug = p.location!.split("/").pop()!;
    expect((await post(projektDetail.action as Action, `/projekte/${slug}`, "koDo", { text: dirty("Erste Runde mit zwölf Familien.") }, { slug })).status).toBe(302);

    const article = { title: dirty("Schulanmeldung ohne Meldebescheinigung"), type: "faq", summary: dirty("Wie es geht."), handlungsfelder: ["kinder-bildung"], stand: "2026-11-01", status: "entwurf", quellen: dirty("Schulgesetz NRW"), body: dirty("## Antwort\n\nÜber das Schulamt.") };
    expect((await post(wissenNeu.action as Action, "/wissen/neu", "redaktion", article)).status).toBe(302);

    const programme = {
      slug: "hygiene-programm",
      title: dirty("Programm Schulstart"),
      kurz: dirty("Schulstart"),
      summary: dirty("Kurz erklärt."),
      fonds: "land",
      geber: dirty("Land NRW"),
      ebene: "land",
      status: "offen",
      antragsberechtigt: ["verein"],
      "fristen.0.bezeichnung": dirty("Antrag"),
      "fristen.0.datum": "2027-03-01",
      reason: dirty("Neu laut Aufruf"),
      body: dirty("## Antrag & Nachweis\n\nSchritte."),
    };
    expect((await post(foerderungNeu.action as Action, "/foerderung/neu", "redaktion", programme)).status).toBe(302);

    const city = { intent: "create", slug: "hygienestadt", name: dirty("Hygienestadt"), land: dirty("Nordrhein-Westfalen"), allianceStatus: "interessiert", description: dirty("Eine Stadt."), contact: dirty("Rathaus") };
    expect((await post(staedte.action as Action, "/verwaltung/staedte", "admin", city)).status).toBe(302);

    const stored = allStoredText();
    // The forms above did write: their cleaned texts are in the database.
    expect(stored.some((s) => s.value === "Schulwegbegleitung Nordstadt")).toBe(true);
    expect(stored.some((s) => s.value.includes("In Dortmund geht das über das Schulamt.\nZweite Zeile"))).toBe(true);
    expect(stored.some((s) => s.value === "Hygienestadt")).toBe(true);
    expect(stored.some((s) => s.value === "Programm Schulstart")).toBe(true);
    const bad = stored.filter((s) => /[\u0000\u0007\u202A-\u202E\u2066-\u2069\r]/.test(s.value)).map((s) => `${s.table}.${s.column}`);
    expect(bad).toEqual([]);
  });
});

describe("length limits are enforced at the field", () => {
  /** Exactly n characters of ordinary text, not ending in white space (bodies are trimmed). */
  const sentence = "Ein Satz über die Schulanmeldung in Dortmund. ";
  const text = (n: number) => `${sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n - 1)}.`;

  it(`reply: ${LIMITS.post.toLocaleString("de-DE")} characters are accepted, one more is refused with the limit named`, async () => {
    const topic = db.select().from(forumTopics).all()[0];
    const tp = { kategorie: "allgemeines", themaId: String(topic.id) };
    const before = db.select().from(forumPosts).all().length;
    const tooLong = await post(thema.action as Action, `/forum/allgemeines/${topic.id}`, "redaktion", { intent: "reply", raw: text(LIMITS.post + 1) }, tp);
    expect(tooLong.status).toBe(400);
    expect(tooLong.errors.raw).toMatch(/50\.000 Zeichen/);
    expect(db.select().from(forumPosts).all().length).toBe(before);
    const atLimit = await post(thema.action as Action, `/forum/allgemeines/${topic.id}`, "redaktion", { intent: "reply", raw: text(LIMITS.post) }, tp);
    expect(atLimit.status).toBe(302);
    expect(db.select().from(forumPosts).all().length).toBe(before + 1);
  });

  it("topic title and body", async () => {
    const r = await post(forumNeu.action as Action, "/forum/allgemeines/neu", "mitglied2", { title: "T".repeat(161), raw: text(LIMITS.post + 1) }, { kategorie: "allgemeines" });
    expect(r.status).toBe(400);
    expect(r.errors.title).toMatch(/160 Zeichen/);
    expect(r.errors.raw).toMatch(/50\.000 Zeichen/);
  });

  it(`article body over ${LIMITS.article.toLocaleString("de-DE")} characters and an over-long title`, async () => {
    const r = await post(wissenNeu.action as Action, "/wissen/neu", "redaktion", { title: "T".repeat(LIMITS.title + 1), type: "faq", summary: "Kurz.", stand: "2026-11-01", status: "entwurf", body: text(LIMITS.article + 1) });
    expect(r.status).toBe(400);
    expect(r.errors.body).toMatch(/200\.000 Zeichen/);
    expect(r.errors.title).toMatch(/200 Zeichen/);
  });

  it("project grid fields, title and contact", async () => {
    const r = await post(projekteNeu.action as Action, "/projekte/neu", "koDo", {
      titel: "T".repeat(161),
      stadt: cityId("dortmund"),
      status: "idee",
      statusDatum: "2026-11-01",
      felder: ["kinder-bildung"],
      problem: text(8001),
      gescheitert: text(8001),
      kontakt: "K".repeat(201),
      sichtbarkeit: "members",
      "zeilen.indikator": "1",
      "indikator.0.name": "N".repeat(201),
      intent: "speichern",
    });
    expect(r.status).toBe(400);
    expect(r.errors.titel).toMatch(/160 Zeichen/);
    expect(r.errors.problem).toMatch(/8\.000 Zeichen/);
    expect(r.errors.gescheitert).toMatch(/8\.000 Zeichen/);
    expect(r.errors.kontakt).toMatch(/200 Zeichen/);
    expect(r.errors["indikator.0.name"]).toMatch(/200 Zeichen/);
  });

  it("programme fields", async () => {
    const r = await post(foerderungNeu.action as Action, "/foerderung/neu", "redaktion", {
      slug: "zu-lang",
      title: "T".repeat(201),
      kurz: "K".repeat(81),
      summary: text(2001),
      fonds: "land",
      geber: "G".repeat(201),
      ebene: "land",
      status: "offen",
      "fristen.0.bezeichnung": "B".repeat(201),
      "fristen.0.datum": "2027-03-01",
      reason: "R".repeat(501),
      body: text(LIMITS.article + 1),
    });
    expect(r.status).toBe(400);
    expect(r.errors.title).toMatch(/200 Zeichen/);
    expect(r.errors.kurz).toMatch(/80 Zeichen/);
    expect(r.errors.summary).toMatch(/2\.000 Zeichen/);
    expect(r.errors.geber).toMatch(/200 Zeichen/);
    expect(r.errors["fristen.0.bezeichnung"]).toMatch(/200 Zeichen/);
    expect(r.errors.reason).toMatch(/500 Zeichen/);
    expect(r.errors.body).toMatch(/200\.000 Zeichen/);
  });

  it("display name over 100 characters", async () => {
    const r = await post(konto.action as Action, "/konto", "mitglied2", { intent: "name", name: "N".repeat(101) });
    expect(r.status).toBe(400);
    expect(r.errors.name).toMatch(/100 Zeichen/);
  });
});

describe("field-count cap", () => {
  const flood = (n: number, base: [string, string][]) => [...base, ...Array.from({ length: n }, (_, i) => [`f${i}`, "x"] as [string, string])];

  it(`a sign-in with more than ${MAX_FORM_FIELDS} fields gets a German form error and no session`, async () => {
    const r = await post(anmelden.action as Action, "/anmelden", undefined, flood(MAX_FORM_FIELDS, [["email", "x@test.invalid"], ["password", "falsch"]]));
    expect(r.status).toBe(400);
    expect(r.errors._form).toMatch(/zu viele Felder/);
  });

  it("a reply, a project and an article with too many fields create nothing", async () => {
    const topic = db.select().from(forumTopics).all()[0];
    const before = db.select().from(forumPosts).all().length;
    const reply = await post(thema.action as Action, `/forum/allgemeines/${topic.id}`, "mitglied2", flood(MAX_FORM_FIELDS, [["intent", "reply"], ["raw", "Eine Antwort mit genug Text."]]), { kategorie: "allgemeines", themaId: String(topic.id) });
    expect(reply.status).toBe(400);
    expect(reply.errors._form).toMatch(/zu viele Felder/);
    expect(db.select().from(forumPosts).all().length).toBe(before);
    const project = await post(projekteNeu.action as Action, "/projekte/neu", "koDo", flood(MAX_FORM_FIELDS, [["titel", "Projekt mit Flut"], ["intent", "speichern"]]));
    expect(project.status).toBe(400);
    expect(project.errors._form).toMatch(/zu viele Felder/);
    const article = await post(wissenNeu.action as Action, "/wissen/neu", "redaktion", flood(MAX_FORM_FIELDS, [["title", "Artikel mit Flut"]]));
    expect(article.status).toBe(400);
    expect(article.errors._form).toMatch(/zu viele Felder/);
    const programme = await post(foerderungNeu.action as Action, "/foerderung/neu", "redaktion", flood(MAX_FORM_FIELDS, [["title", "Programm mit Flut"]]));
    expect(programme.status).toBe(400);
    expect(programme.errors._form).toMatch(/zu viele Felder/);
  });
});
