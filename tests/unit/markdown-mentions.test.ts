// Mentions in forum posts render as links to the member's profile; unknown handles and code stay text.
import { describe, expect, it } from "vitest";
import { legacyMentionLinks, renderMarkdown } from "~/services/markdown.server";

const members: Record<string, string> = { "mia-mitglied": "Mia Mitglied", "ion-pop": "Ion <Pop>" };
const resolveMention = (h: string) => (members[h] ? { url: `/mitglieder/${h}`, name: members[h] } : null);
const render = (raw: string) => renderMarkdown(raw, { headingAnchors: false, resolveMention }).html;

describe("mention links", () => {
  it("turns a known @handle into a link to the profile, with the display name", () => {
    expect(render("Hallo @mia-mitglied, weißt du mehr?")).toBe('<p>Hallo <a class="mention" href="/mitglieder/mia-mitglied">@Mia Mitglied</a>, weißt du mehr?</p>\n');
  });

  it("escapes the display name and leaves unknown handles, code and e-mail addresses alone", () => {
    expect(render("(@ion-pop)")).toContain('<a class="mention" href="/mitglieder/ion-pop">@Ion &lt;Pop&gt;</a>');
    expect(render("@niemand-hier fragt")).toBe("<p>@niemand-hier fragt</p>\n");
    expect(render("`@mia-mitglied`")).toBe("<p><code>@mia-mitglied</code></p>\n");
    expect(render("mia@mia-mitglied.de")).not.toContain("mention");
  });

  it("does not touch @ in articles (no resolver)", () => {
    expect(renderMarkdown("Hallo @mia-mitglied").html).toBe("<p>Hallo @mia-mitglied</p>\n");
  });

  it("upgrades posts cooked before version 3 (bold handle) on read", () => {
    const old = "<p>Hallo <strong>@mia-mitglied</strong> und <strong>@niemand-hier</strong></p>";
    expect(legacyMentionLinks(old, resolveMention)).toBe(
      '<p>Hallo <a class="mention" href="/mitglieder/mia-mitglied">@Mia Mitglied</a> und <strong>@niemand-hier</strong></p>',
    );
  });
});
