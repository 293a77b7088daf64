// iCalendar output: parsed back with ical.js (an independent RFC 5545 parser).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "~/utils/ics";

const NOW = new Date("2026-11-25T10:30:00Z");

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return { comp, events: comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

/** The calendar day a moment falls on in Berlin. */
const berlinDay = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" }).format(d);

describe("ics", () => {
  const text = buildCalendar({
    name: "Förderfristen",
    now: NOW,
    events: [
      { uid: "esf-1@test", date: "2027-03-31", summary: "ESF Plus NRW: Interessenbekundung", description: "Aufruf; Runde 2, bitte prüfen\nZweite Zeile", url: "https://example.org/a" },
      // day of the switch to summer time in Berlin
      { uid: "dst@test", date: "2027-03-28", summary: "Frist am Tag der Zeitumstellung" },
      { uid: "winter@test", date: "2026-12-31", summary: "Jahresende" },
      { uid: "long@test", date: "2027-01-15", summary: "Sehr lange Bezeichnung mit Umlauten äöüß ÄÖÜ – Gemeinschaftsinitiative URBAN Förderrunde, Teil zwei; mit Semikolon" },
    ],
  });

  it("is valid iCalendar with CRLF line endings and no line above 75 octets", () => {
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { comp, events } = parse(text);
    expect(comp.getFirstPropertyValue("version")).toBe("2.0");
    expect(comp.getFirstPropertyValue("prodid")).toBeTruthy();
    expect(events).toHaveLength(4);
  });

  it("deadlines open on the right day in Europe/Berlin (all-day DATE values)", () => {
    const { events } = parse(text);
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    for (const [uid, day] of [["esf-1@test", "2027-03-31"], ["dst@test", "2027-03-28"], ["winter@test", "2026-12-31"]] as const) {
      const e = byUid[uid];
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(day);
      // the all-day event covers exactly that one day
      expect(e.endDate.toString()).toBe(new Date(Date.parse(`${day}T12:00:00Z`) + 86400000).toISOString().slice(0, 10));
      // a floating date shown in Berlin: local midnight and noon of that day are the same Berlin calendar day
      const { year, month, day: d } = e.startDate;
      const berlinNoon = new Date(Date.UTC(year, month - 1, d, 11, 0));
      expect(berlinDay(berlinNoon)).toBe(day);
    }
  });

  it("has UID, a UTC DTSTAMP, and round-trips escaped and folded text", () => {
    const { events } = parse(text);
    const e = events.find((x) => x.uid === "esf-1@test")!;
    expect(e.component.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-11-25T10:30:00Z");
    expect(e.description).toBe("Aufruf; Runde 2, bitte prüfen\nZweite Zeile");
    expect(e.component.getFirstPropertyValue("url")).toBe("https://example.org/a");
    const long = events.find((x) => x.uid === "long@test")!;
    expect(long.summary).toBe("Sehr lange Bezeichnung mit Umlauten äöüß ÄÖÜ – Gemeinschaftsinitiative URBAN Förderrunde, Teil zwei; mit Semikolon");
  });

  it("escapes TEXT and folds without splitting multi-byte characters", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"ä".repeat(60)}`);
    for (const l of folded.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`SUMMARY:${"ä".repeat(60)}`);
  });

  it("an empty feed is still a valid calendar", () => {
    const { comp, events } = parse(buildCalendar({ name: "leer", events: [], now: NOW }));
    expect(comp.name).toBe("vcalendar");
    expect(events).toEqual([]);
  });
});
