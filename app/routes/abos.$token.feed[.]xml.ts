// Atom feed of one followed filter, reachable with its secret link (decision 020). The token is stored only as
// SHA-256; "Neuen Link erzeugen" on /konto/suchabos replaces it, and the old link answers 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedForToken } from "~/models/abo.server";
import { getDb } from "~/services/db.server";
import { publicLink } from "~/services/mail.server";

const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

export async function loader({ params }: LoaderFunctionArgs) {
  const feed = feedForToken(getDb(), params.token ?? "");
  if (!feed) throw new Response("Dieser Feed-Link ist unbekannt oder wurde ersetzt.", { status: 404 });
  const updated = feed.entries[0]?.updated ?? new Date(0);
  const xml = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">`,
    `  <title>${esc(`Städtenetz Südosteuropa – Suchabo ${feed.label}`)}</title>`,
    `  <id>${esc(publicLink(`/abos/feed/${feed.id}`))}</id>`,
    `  <link rel="alternate" href="${esc(publicLink(feed.url))}"/>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>Städtenetz Südosteuropa</name></author>`,
    ...feed.entries.map((e) =>
      [
        `  <entry>`,
        `    <title>${esc(e.title)}</title>`,
        `    <id>${esc(publicLink(e.url))}</id>`,
        `    <link rel="alternate" href="${esc(publicLink(e.url))}"/>`,
        `    <updated>${e.updated.toISOString()}</updated>`,
        `    <summary>${esc(e.summary)}</summary>`,
        `  </entry>`,
      ].join("\n"),
    ),
    `</feed>`,
    "",
  ].join("\n");
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer" },
  });
}
