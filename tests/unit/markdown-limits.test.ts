import { describe, expect, it } from "vitest";
import { COOK_VERSION, limitNesting, MAX_NESTING, markdownToText, renderMarkdown } from "~/services/markdown.server";

const count = (html: string, tag: string) => (html.match(new RegExp(`<${tag}>`, "g")) ?? []).length;

describe("nesting limit", () => {
  it("renders 10,000 nested quotes as at most 20 levels, text kept, no exception", () => {
    const { html } = renderMarkdown(`${">".repeat(10_000)} ganz tief`);
    expect(html).toContain("ganz tief");
    expect(count(html, "blockquote")).toBe(MAX_NESTING);
  });

  it("renders 10,000 nested list items as at most 20 levels", () => {
    const { html } = renderMarkdown(`${"- ".repeat(10_000)}unten`);
    expect(html).toContain("unten");
    expect(count(html, "ul")).toBeLessThanOrEqual(MAX_NESTING);
  });

  it("caps mixed quote and list markers and deep indentation", () => {
    const { html } = renderMarkdown(`${"> - 1. ".repeat(3000)}x`);
    expect(count(html, "blockquote") + count(html, "ul") + count(html, "ol")).toBeLessThanOrEqual(MAX_NESTING);
    const stairs = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- Ebene ${i}`).join("\n");
    const r = renderMarkdown(stairs);
    expect(r.html).toContain("Ebene 199");
  });

  it("leaves normal nesting and fenced code alone", () => {
    const src = "> Zitat\n> > im Zitat\n\n- a\n  - b\n\n```\n" + ">".repeat(50) + " bleibt\n" + " ".repeat(200) + "eingerückt\n```\n";
    expect(limitNesting(src)).toBe(src);
    const { html } = renderMarkdown(src);
    expect(html).toContain("&gt;".repeat(50) + " bleibt");
    expect(count(html, "blockquote")).toBe(2);
  });
});

describe("wiki links without a marked extension", () => {
  it("renders wiki links in text, headings and lists", () => {
    const r = renderMarkdown("## Zu [[glossar-iti|ITI]]\n\n- siehe [[fehlt]]\n\n**[[glossar-iti]]**", {
      resolveWikiLink: (s) => (s === "glossar-iti" ? { url: "/wissen/glossar-iti", title: "ITI-Glossar" } : null),
    });
    expect(r.headings[0]).toMatchObject({ text: "Zu ITI", id: "zu-iti" });
    expect(r.html).toContain('<a class="wikilink" href="/wissen/glossar-iti">ITI</a>');
    expect(r.html).toContain('<strong><a class="wikilink" href="/wissen/glossar-iti">ITI-Glossar</a></strong>');
    expect(r.missingLinks).toEqual(["fehlt"]);
    expect(r.wikiLinks.sort()).toEqual(["fehlt", "glossar-iti"]);
  });

  it("keeps wiki links literal in code and out of attributes", () => {
    const r = renderMarkdown("`[[glossar-iti]]`\n\n```\n[[glossar-iti]]\n```\n\n![[[glossar-iti]]](/bild.png)");
    expect(r.html).toContain("<code>[[glossar-iti]]</code>");
    expect(r.html).toContain("<pre><code>[[glossar-iti]]\n</code></pre>");
    expect(r.html).toMatch(/<img src="\/bild.png" alt="\[\[glossar-iti\]\]" \/>/);
    expect(r.wikiLinks).toEqual([]);
  });

  it("a heading full of unclosed [[ renders and keeps its text", () => {
    const r = renderMarkdown(`## ${"[[a ".repeat(5000)}`);
    expect(r.headings).toHaveLength(1);
    expect(r.headings[0].text.startsWith("[[a [[a")).toBe(true);
  });

  it("placeholder characters typed by a user are removed, not turned into links", () => {
    const r = renderMarkdown("\uFDD00\uFDD1 und [[glossar-iti]]");
    expect(r.html).toBe('<p>0 und <a class="wikilink" href="/wissen/glossar-iti">glossar-iti</a></p>\n');
  });

  it("many equal headings get distinct ids", () => {
    const r = renderMarkdown("## Problem\n\n".repeat(5));
    expect(r.headings.map((h) => h.id)).toEqual(["problem", "problem-2", "problem-3", "problem-4", "problem-5"]);
  });
});

describe("hygiene in rendered output", () => {
  it("strips NUL, BEL and bidi overrides from the HTML, keeps emoji joiners", () => {
    const { html } = renderMarkdown("Da\u0000tei \u202Egnp.exe\u202C \u0007 👩‍💻\r\nweiter");
    expect(html).not.toMatch(/[\u0000\u0007\u202A-\u202E\u2066-\u2069\r]/);
    expect(html).toContain("Datei gnp.exe");
    expect(html).toContain("👩‍💻");
    expect(markdownToText("a\u202Eb")).toBe("ab");
  });

  it("has a version for stored HTML", () => {
    expect(COOK_VERSION).toBeGreaterThanOrEqual(2);
  });
});
