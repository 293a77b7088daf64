import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "~/services/markdown.server";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";

describe("renderMarkdown sanitizes", () => {
  it.each(XSS_PAYLOADS.map((p, i) => [i, p]))("payload %i leaves no executable HTML", (_i, payload) => {
    const { html } = renderMarkdown(String(payload));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|svg|math|style|link|meta|base|video|audio|details|marquee|template|body)\b/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    // Inside real tags (escaped text such as &lt;a href="javascript:…"&gt; is inert and allowed):
    expect(html).not.toMatch(/<[a-z][^>]*\s(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/<img[^>]+src="https?:/i);
  });

  it("renders wiki links, marks missing ones and gives headings anchors", () => {
    const r = renderMarkdown("## Inhalt\n\nSiehe [[glossar-iti]] und [[fehlt]].", {
      resolveWikiLink: (s) => (s === "glossar-iti" ? { url: "/wissen/glossar-iti", title: "ITI" } : null),
    });
    expect(r.html).toContain('<a class="wikilink" href="/wissen/glossar-iti">ITI</a>');
    expect(r.html).toContain("(Beitrag fehlt)");
    expect(r.missingLinks).toEqual(["fehlt"]);
    // "inhalt" is the id of <main>: headings never reuse it.
    expect(r.headings[0].id).toBe("inhalt-2");
  });

  it("keeps external links but marks them nofollow/noopener", () => {
    const { html } = renderMarkdown("[Amt](https://www.example.org/seite)");
    expect(html).toContain('href="https://www.example.org/seite"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("extracts plain text", () => {
    expect(markdownToText("## Titel\n\nEin **fetter** Text mit [Link](/x).")).toBe("Titel Ein fetter Text mit Link.");
  });
});

describe("markdownToText for search", () => {
  it("turns wiki links into titles or words, never raw slugs", () => {
    expect(markdownToText("Siehe [[glossar-problemimmobilie]] und [[loesungsszenario-6-wohnungsmarkt|Szenario 6]].")).toBe(
      "Siehe problemimmobilie und Szenario 6.",
    );
    expect(markdownToText("Siehe [[glossar-iti]].", (s) => (s === "glossar-iti" ? { url: "/wissen/glossar-iti", title: "ITI" } : null))).toBe("Siehe ITI.");
  });
});
