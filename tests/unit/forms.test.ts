import { describe, expect, it } from "vitest";
import { z } from "zod";
import { body, cleanFormData, formValues, line, MAX_FORM_FIELDS, parseForm, readForm, TOO_MANY_FIELDS_MESSAGE } from "~/utils/forms";

function formOf(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}
const many = (n: number) => formOf(Array.from({ length: n }, (_, i) => [`feld${i}`, "x"] as [string, string]));
const anything = z.object({}).passthrough();

describe("parseForm bounds the number of fields", () => {
  it(`accepts ${MAX_FORM_FIELDS} fields`, () => {
    const r = parseForm(many(MAX_FORM_FIELDS), anything, "T");
    expect(r.ok).toBe(true);
  });

  it(`rejects ${MAX_FORM_FIELDS + 1} fields with a German form error`, () => {
    const r = parseForm(many(MAX_FORM_FIELDS + 1), anything, "T");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors._form).toBe(TOO_MANY_FIELDS_MESSAGE);
      expect(r.errors._form).toMatch(/zu viele Felder \(höchstens 1\.000\)/);
    }
  });

  it("counts repeated keys as fields too", () => {
    const f = formOf(Array.from({ length: MAX_FORM_FIELDS + 1 }, () => ["felder", "wohnen"] as [string, string]));
    expect(parseForm(f, anything, "T").ok).toBe(false);
    expect(readForm(f)).toBeNull();
    expect(cleanFormData(f)).toBeNull();
  });

  it("rejects 100,000 fields the same way", () => {
    const r = parseForm(many(100_000), anything, "T");
    expect(r.ok).toBe(false);
  });
});

describe("parseForm keeps its behaviour", () => {
  it("gives one value as a string and repeated keys as a list, in order", () => {
    const schema = z.object({ a: z.string(), b: z.array(z.string()) });
    const r = parseForm(formOf([["b", "2"], ["a", "1"], ["b", "3"]]), schema, "T");
    expect(r).toEqual({ ok: true, data: { a: "1", b: ["2", "3"] } });
  });

  it("re-fills values after an error but never passwords", () => {
    const schema = z.object({ name: line(5) });
    const r = parseForm(formOf([["name", "zu langer Name"], ["password", "geheim geheim"]]), schema, "T");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.values).toEqual({ name: "zu langer Name" });
      expect(r.errors.name).toBe("Höchstens 5 Zeichen erlaubt.");
    }
  });
});

describe("text hygiene in parseForm", () => {
  it("removes NUL, BEL and bidi overrides from every field, keeps line breaks in bodies", () => {
    const schema = z.object({ title: line(200), raw: body(50_000), other: z.string() });
    const r = parseForm(formOf([["title", "Ti\u0000tel\u202E"], ["raw", "Zeile 1\r\nZeile\u0007 2"], ["other", "a\u0000b\u2066c"]]), schema, "T");
    expect(r).toEqual({ ok: true, data: { title: "Titel", raw: "Zeile 1\nZeile 2", other: "abc" } });
  });

  it("single-line fields also lose zero-width characters and line breaks; the limit counts the cleaned text", () => {
    const schema = z.object({ name: line(10, { min: 2 }) });
    const r = parseForm(formOf([["name", "\u200BMia\u200B\n  Muster\uFEFF"]]), schema, "T");
    expect(r).toEqual({ ok: true, data: { name: "Mia Muster" } });
    const empty = parseForm(formOf([["name", "\u200B\u200B\u200B"]]), schema, "T");
    expect(empty.ok).toBe(false);
  });

  it("leaves passwords byte for byte", () => {
    const schema = z.object({ password: z.string() });
    const r = parseForm(formOf([["password", "pass\u200Bwort\u0007"]]), schema, "T");
    expect(r).toEqual({ ok: true, data: { password: "pass\u200Bwort\u0007" } });
  });

  it("cleans the values echoed back after an error", () => {
    expect(formValues(formOf([["title", "a\u0000b"]]))).toEqual({ title: "ab" });
  });
});

describe("length helpers name the limit in German", () => {
  it("line and body", () => {
    expect(line(200).safeParse("x".repeat(201)).error?.issues[0].message).toBe("Höchstens 200 Zeichen erlaubt.");
    expect(body(50_000).safeParse("x".repeat(50_001)).error?.issues[0].message).toBe("Höchstens 50.000 Zeichen erlaubt.");
    expect(body(50_000).safeParse("x".repeat(50_000)).success).toBe(true);
  });
});

describe("missing or repeated text fields get German messages", () => {
  it("line and body", () => {
    const schema = z.object({ title: line(200), raw: body(50_000) });
    const r = parseForm(formOf([["title", "a"], ["title", "b"]]), schema, "T");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.title).toBe("Bitte geben Sie hier nur einen Text ein.");
      expect(r.errors.raw).toBe("Bitte füllen Sie dieses Feld aus.");
    }
  });
});
