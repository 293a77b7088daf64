// Veranstaltungen (issue 19): create/edit permissions, list order, iCal feed with Berlin times across DST.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, makeUser } from "../setup/db";
import { createUserSession } from "~/services/auth.server";
import { fromBerlinLocal, toBerlinLocal } from "~/components/termine/berlin-time";
import { listTermine } from "~/models/termin.server";
import * as newRoute from "~/routes/termine.neu";
import * as editRoute from "~/routes/termine.$id_.bearbeiten";
import * as listRoute from "~/routes/termine._index";
import * as icsRoute from "~/routes/termine[.]ics";
import * as homeRoute from "~/routes/_index";
import { termine } from "../../db/schema/index";

let t: ReturnType<typeof createTestDb>;
let koordDo: string, koordDu: string, redaktion: string, mitglied: string;

const get = (url: string, params: Record<string, string> = {}, cookie?: string) =>
  ({ request: new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie.split(";")[0] } : {} }), params, context: {} }) as never;
const post = (url: string, form: Record<string, string | string[]>, params: Record<string, string>, cookie?: string) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return {
    request: new Request(`http://localhost${url}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie.split(";")[0] } : {}) } }),
    params,
    context: {},
  } as never;
};
async function status(p: Promise<unknown>) {
  try {
    const r = await p;
    return r instanceof Response ? r.status : 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}
const idOf = (r: Response) => Number(r.headers.get("Location")!.split("/").pop());

const spring = { titel: "Fachtag Gesundheit", beginn_datum: "2027-03-28", beginn_zeit: "10:00", ende_zeit: "16:00", ort: "Dortmund, Rathaus", zielgruppen: ["gesundheit", "justiz"], handlungsfelder: ["gesundheit"], beschreibung: "Programm folgt." };
const autumn = { titel: "Schulung Polizei und Ordnungsdienste", beginn_datum: "2027-10-31", beginn_zeit: "10:00", online: "ja", zielgruppen: ["polizei"], handlungsfelder: ["soziales-miteinander"], beschreibung: "" };

beforeAll(async () => {
  t = createTestDb();
  koordDo = await createUserSession((await makeUser(t.db, "koordination", "dortmund")).id);
  koordDu = await createUserSession((await makeUser(t.db, "koordination", "duisburg")).id);
  redaktion = await createUserSession((await makeUser(t.db, "redaktion")).id);
  mitglied = await createUserSession((await makeUser(t.db, "mitglied", "dortmund")).id);
});
afterAll(() => t.cleanup());

describe("Berlin wall time", () => {
  it("converts across the daylight-saving switch and rejects the skipped hour", () => {
    expect(fromBerlinLocal("2027-03-28", "10:00")!.toISOString()).toBe("2027-03-28T08:00:00.000Z"); // CEST, UTC+2
    expect(fromBerlinLocal("2027-10-31", "10:00")!.toISOString()).toBe("2027-10-31T09:00:00.000Z"); // CET, UTC+1
    expect(fromBerlinLocal("2027-03-28", "02:30")).toBeNull();
    expect(fromBerlinLocal("2027-02-30", "10:00")).toBeNull();
    expect(toBerlinLocal(new Date("2027-10-31T00:30:00Z"))).toBe("2027-10-31T02:30");
  });
});

describe("creating and editing events", () => {
  it("coordinators and Redaktion create events; members and guests cannot", async () => {
    expect(await status(newRoute.action(post("/termine/neu", spring, {}, mitglied)))).toBe(403);
    expect(await status(newRoute.action(post("/termine/neu", spring, {})))).toBe(302); // guest → sign-in
    expect(t.db.select().from(termine).all()).toHaveLength(0);
    const r = (await newRoute.action(post("/termine/neu", spring, {}, koordDo))) as Response;
    expect(r.status).toBe(302);
    // double click: stored once
    const again = (await newRoute.action(post("/termine/neu", spring, {}, koordDo))) as Response;
    expect(idOf(again)).toBe(idOf(r));
    const r2 = (await newRoute.action(post("/termine/neu", autumn, {}, redaktion))) as Response;
    expect(r2.status).toBe(302);
    expect(t.db.select().from(termine).all()).toHaveLength(2);
  });

  it("a coordinator's event belongs to their city, even if the form names another", async () => {
    const r = (await newRoute.action(post("/termine/neu", { ...spring, titel: "Runder Tisch", stadt: "duisburg" }, {}, koordDo))) as Response;
    const row = t.db.select().from(termine).all().find((x) => x.id === idOf(r))!;
    const dortmundId = t.db.select().from(termine).all().find((x) => x.titel === "Fachtag Gesundheit")!.cityId;
    expect(row.cityId).toBe(dortmundId);
    expect(row.cityId).not.toBeNull();
  });

  it("rejects bad input with field errors: skipped hour, end before start, no place, bad link", async () => {
    const r = (await newRoute.action(
      post("/termine/neu", { titel: "X", beginn_datum: "2027-03-28", beginn_zeit: "02:30", anmeldung_url: "javascript:alert(1)", zielgruppen: ["gibtsnicht"] }, {}, koordDo),
    )) as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(r.init.status).toBe(400);
    expect(Object.keys(r.data.errors)).toEqual(expect.arrayContaining(["titel", "anmeldung_url", "zielgruppen.0"]));
    const r2 = (await newRoute.action(post("/termine/neu", { ...spring, ende_zeit: "09:00" }, {}, koordDo))) as { data: { errors: Record<string, string> } };
    expect(r2.data.errors.ende_zeit).toMatch(/nach dem Beginn/);
    const r3 = (await newRoute.action(post("/termine/neu", { ...spring, ort: "" }, {}, koordDo))) as { data: { errors: Record<string, string> } };
    expect(r3.data.errors.ort).toMatch(/Ort/);
  });

  it("only the own city's coordinator or Redaktion may edit", async () => {
    const ev = t.db.select().from(termine).all().find((x) => x.titel === "Fachtag Gesundheit")!;
    const land = t.db.select().from(termine).all().find((x) => x.titel.startsWith("Schulung"))!;
    expect(await status(editRoute.loader(get(`/termine/${ev.id}/bearbeiten`, { id: String(ev.id) }, koordDu)))).toBe(403);
    expect(await status(editRoute.action(post(`/termine/${ev.id}/bearbeiten`, { ...spring, titel: "Gekapert" }, { id: String(ev.id) }, koordDu)))).toBe(403);
    expect(await status(editRoute.loader(get(`/termine/${land.id}/bearbeiten`, { id: String(land.id) }, koordDo)))).toBe(403);
    const values = ((await editRoute.loader(get(`/termine/${ev.id}/bearbeiten`, { id: String(ev.id) }, koordDo))) as Awaited<ReturnType<typeof editRoute.loader>>).values;
    expect(values).toMatchObject({ beginn_datum: "2027-03-28", beginn_zeit: "10:00", ende_zeit: "16:00" });
    expect(await status(editRoute.action(post(`/termine/${ev.id}/bearbeiten`, { ...spring, ort: "Dortmund, Dietrich-Keuning-Haus" }, { id: String(ev.id) }, koordDo)))).toBe(302);
    expect(t.db.select().from(termine).all().find((x) => x.id === ev.id)!.ort).toBe("Dortmund, Dietrich-Keuning-Haus");
    expect(await status(editRoute.loader(get("/termine/999999/bearbeiten", { id: "999999" }, redaktion)))).toBe(404);
  });
});

describe("lists and feeds", () => {
  it("upcoming first (soonest on top); past events on their own page; home page shows the next three", async () => {
    const now = new Date("2027-06-01T00:00:00Z");
    expect(listTermine(t.db, { now }).map((x) => x.titel)).toEqual(["Schulung Polizei und Ordnungsdienste"]);
    expect(listTermine(t.db, { now, past: true }).map((x) => x.titel).sort()).toEqual(["Fachtag Gesundheit", "Runder Tisch"]);
    // prepared once per shape: another "now" (and limit) in the same shape is bound afresh
    expect(listTermine(t.db, { now: new Date("2000-01-01T00:00:00Z") }).map((x) => x.titel).sort()).toEqual(["Fachtag Gesundheit", "Runder Tisch", "Schulung Polizei und Ordnungsdienste"]);
    expect(listTermine(t.db, { now: new Date("2000-01-01T00:00:00Z"), limit: 1 })).toHaveLength(1);
    expect(listTermine(t.db, { now })).toHaveLength(1);
    const list = (await listRoute.loader(get("/termine"))) as Awaited<ReturnType<typeof listRoute.loader>>;
    const starts = list.rows.map((r) => r.beginn);
    expect(starts).toEqual(list.rows.map((r) => r.beginn).sort());
    const home = ((await homeRoute.loader(get("/"))) as Awaited<ReturnType<typeof homeRoute.loader>>).guest!;
    expect(home.termine.length).toBeLessThanOrEqual(3);
    expect(home.termine[0].titel).toBe(list.rows[0].titel);
  });

  it("the iCal feed parses with ical.js and keeps 10:00 Berlin on both sides of the DST switch", async () => {
    const res = await icsRoute.loader(get("/termine.ics"));
    expect(res.headers.get("Content-Type")).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const berlin = (d: Date) => toBerlinLocal(d);
    const fachtag = events.find((e) => e.summary === "Fachtag Gesundheit")!;
    expect(berlin(fachtag.startDate.toJSDate())).toBe("2027-03-28T10:00");
    expect(berlin(fachtag.endDate.toJSDate())).toBe("2027-03-28T16:00");
    expect(fachtag.location).toBe("Dortmund, Dietrich-Keuning-Haus");
    const schulung = events.find((e) => e.summary.startsWith("Schulung"))!;
    expect(berlin(schulung.startDate.toJSDate())).toBe("2027-10-31T10:00");
    expect(schulung.startDate.toJSDate().toISOString()).toBe("2027-10-31T09:00:00.000Z");
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("one feed per Handlungsfeld; an unknown field is a 404", async () => {
    const res = await icsRoute.loader(get("/termine.ics?feld=gesundheit"));
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const titles = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    expect(titles).toContain("Fachtag Gesundheit");
    expect(titles).not.toContain("Schulung Polizei und Ordnungsdienste");
    expect(await status(icsRoute.loader(get("/termine.ics?feld=<script>")))).toBe(404);
  });
});
