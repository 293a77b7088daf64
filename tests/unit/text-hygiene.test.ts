import { describe, expect, it } from "vitest";
import { cleanLine, cleanText } from "~/utils/text-hygiene";

describe("cleanLine (names, titles, slugs, handles)", () => {
  it("removes a right-to-left override so a name cannot pose as a file name", () => {
    expect(cleanLine("Mia\u202Egnp.exe\u202C")).toBe("Miagnp.exe");
  });

  it("removes every bidi embedding, override and isolate", () => {
    const all = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    expect(cleanLine(`A${all}B`)).toBe("AB");
  });

  it("removes NUL, BEL and the other C0/C1 controls and DEL", () => {
    expect(cleanLine("Dort\u0000mund\u0007\u0008\u001B\u007F\u0085\u009F")).toBe("Dortmund");
  });

  it("removes zero-width and other invisible format characters, including the soft hyphen", () => {
    expect(cleanLine("K\u200Bö\u200C\u2060l\uFEFFn\u00AD\u200E\u200F\u061C\u180E")).toBe("Köln");
    expect(cleanLine("\u3164\u115F\u1160Name\uFFA0\u034F")).toBe("Name");
  });

  it("turns tabs and line breaks into single spaces and trims", () => {
    expect(cleanLine("  Anna\t\r\n  Petrova \u2028")).toBe("Anna Petrova");
  });

  it("keeps the joiner inside emoji sequences and subdivision flags", () => {
    expect(cleanLine("Team 👩‍💻 und 👨🏽‍🚀")).toBe("Team 👩‍💻 und 👨🏽‍🚀");
    const england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    expect(cleanLine(`Fan ${england}`)).toBe(`Fan ${england}`);
    // A joiner or tag character anywhere else is removed.
    expect(cleanLine("a\u200Db")).toBe("ab");
    expect(cleanLine("a\u{E0067}b")).toBe("ab");
  });

  it("composes to NFC, so the same name is the same string", () => {
    expect(cleanLine("Mu\u0308ller")).toBe("Müller");
  });

  it("replaces lone surrogates", () => {
    expect(cleanLine("a\uD800b")).toBe("a\uFFFDb");
  });
});

describe("cleanText (Markdown bodies, notes)", () => {
  it("keeps tab and newline, normalises CR LF and lone CR to LF", () => {
    expect(cleanText("a\r\nb\rc\td\n")).toBe("a\nb\nc\td\n");
  });

  it("removes NUL, BEL and bidi overrides/isolates", () => {
    expect(cleanText("x\u0000y\u0007z \u202Eabc\u202C \u2067d\u2069")).toBe("xyz abc d");
  });

  it("keeps zero-width characters, soft hyphens and bidi marks, which have uses in running text", () => {
    const s = "Donau\u00ADdampf\u00ADschiff 👩‍💻 a\u200Bb \u200Fשלום\u200E";
    expect(cleanText(s)).toBe(s);
  });

  it("leaves plain text untouched", () => {
    const s = "## Überschrift\n\n- Punkt mit **fett** und [[glossar-iti]]\n";
    expect(cleanText(s)).toBe(s);
  });
});
