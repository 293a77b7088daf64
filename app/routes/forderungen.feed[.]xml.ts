// Atom feed of confirmed status changes of the Forderungen (proposals that wait for Redaktion are not in it).
import { FORDERUNG_STATUS, type ForderungStatus } from "~/components/forderungen/labels";
import { listRecentChanges } from "~/models/forderung.server";
import { getDb } from "~/services/db.server";
import { publicLink } from "~/services/mail.server";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function loader() {
  const changes = listRecentChanges(getDb(), 50);
  const updated = (changes[0]?.decidedAt ?? new Date(0)).toISOString();
  const entries = changes
    .map((c) => {
      const url = publicLink(`/forderungen/${c.forderungSlug}`);
      const statusLabel = FORDERUNG_STATUS[c.status as ForderungStatus] ?? c.status;
      const evidence = c.nachweisUrl ? (c.nachweisUrl.startsWith("/") ? publicLink(c.nachweisUrl) : c.nachweisUrl) : null;
      return `  <entry>
    <id>${esc(`${url}#status-${c.id}`)}</id>
    <title>${esc(`${c.forderungTitel}: ${statusLabel}`)}</title>
    <link href="${esc(url)}"/>
    <updated>${c.decidedAt!.toISOString()}</updated>
    <author><name>${esc(c.author)}</name></author>
    <category term="${esc(c.status)}" label="${esc(statusLabel)}"/>
    <summary type="text">${esc(`Stand ${c.datum}: ${c.nachweis}${evidence ? ` (Quelle: ${evidence})` : ""}`)}</summary>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${esc(publicLink("/forderungen"))}</id>
  <title>Städtenetz Südosteuropa – Statusänderungen der Forderungen</title>
  <link rel="self" href="${esc(publicLink("/forderungen/feed.xml"))}"/>
  <link href="${esc(publicLink("/forderungen"))}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
