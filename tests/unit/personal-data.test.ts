import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectPersonalData } from "~/utils/personal-data";

const kinds = (t: string) => detectPersonalData(t).map((f) => f.kind);

describe("personal-data detector – case details are found", () => {
  const positives: [string, string][] = [
    ["Frau Popescu wohnt in der Heinrichstraße 12 in Duisburg und hat keinen Mietvertrag.", "name-adresse"],
    ["Herr Ivan Petrov, Mallinckrodtstr. 210, 44147 Dortmund, fragt nach Kindergeld.", "name-adresse"],
    ["Das Kind ist geb. 03.04.2015 und noch nicht angemeldet.", "geburtsdatum"],
    ["Geburtsdatum: 12.11.1987, Staatsangehörigkeit rumänisch", "geburtsdatum"],
    ["Sie ist geboren am 5. März 1990 in Sofia.", "geburtsdatum"],
    ["Frau Ionescu ist schwanger und hat keine Krankenversicherung.", "gesundheit"],
    ["Bei Herrn Dimitrov wurde Tuberkulose diagnostiziert, er wohnt noch im Haus.", "gesundheit"],
    ["Maria P. (34) hat eine Depression und braucht dringend Hilfe.", "gesundheit"],
    ["Die Versichertennummer A123456789 wird von der Kasse nicht anerkannt.", "versicherungsnummer"],
    ["Seine Rentenversicherungsnummer ist 12 150385 P 123.", "versicherungsnummer"],
    ["Bedarfsgemeinschaft 12345BG0012345 hat keine Leistungen bekommen.", "versicherungsnummer"],
    ["Überweisung bitte auf DE89 3704 0044 0532 0130 00.", "iban"],
    ["IBAN RO49AAAA1B31007593840000", "iban"],
    ["Die Ausweisnummer L01X00T47 wurde als gestohlen gemeldet.", "ausweisnummer"],
    ["Die CNP 1850312123456 steht im Pass.", "ausweisnummer"],
  ];
  for (const [text, kind] of positives) {
    it(`${kind}: ${text.slice(0, 50)}`, () => {
      expect(kinds(text)).toContain(kind);
    });
  }

  it("lists an excerpt and a German label for each finding", () => {
    const [f] = detectPersonalData("Geburtsdatum: 12.11.1987");
    expect(f.label).toBe("Geburtsdatum");
    expect(f.excerpt).toContain("12.11.1987");
  });
});

describe("personal-data detector – ordinary professional text passes", () => {
  const negatives = [
    "Wie geht ihr mit der Schuleingangsuntersuchung um, wenn Kinder nicht krankenversichert sind?",
    "Die Beratungsstelle in der Friedrich-Ebert-Straße 12 ist dienstags geöffnet.",
    "Frau Dr. Schmidt vom Gesundheitsamt hat im Arbeitskreis die Impfsprechstunde vorgestellt.",
    "Seit dem 01.01.2014 gilt die volle Arbeitnehmerfreizügigkeit für Bulgarien und Rumänien.",
    "Viele Schwangere ohne Versicherung kommen in die Clearingstelle Gesundheit; wir brauchen eine Fondslösung.",
    "Das Kindergeld wird nach § 62 EStG gezahlt; die Familienkasse verlangt die Steuer-ID der Kinder.",
    "Die Task Force Problemimmobilien hat 2012 in der Hochfelder Straße mehrere Häuser begangen.",
    "Der Bericht vom 31.01.2013 nennt 1.200 Personen im Stadtteil.",
    "Herr Müller, Leiter des Jugendamts, lädt zum Fachtag am 12.03.2027 ein.",
    "Die EHIC (Europäische Krankenversicherungskarte) gilt nur für vorübergehende Aufenthalte.",
  ];
  for (const text of negatives) {
    it(`no warning: ${text.slice(0, 50)}`, () => {
      expect(detectPersonalData(text)).toEqual([]);
    });
  }

  it("raises no warning on any article body of the content corpus", () => {
    const dirs = ["content/wissen", "content/foerderung"];
    const hits: string[] = [];
    let files = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".md"))) {
        const text = readFileSync(join(dir, f), "utf8").replace(/^---[\s\S]*?\n---\n/, "");
        files++;
        for (const finding of detectPersonalData(text)) hits.push(`${f}: ${finding.kind} ${finding.excerpt}`);
      }
    }
    expect(files).toBeGreaterThan(80);
    expect(hits).toEqual([]);
  });
});
