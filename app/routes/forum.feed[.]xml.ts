import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { publicLink } from "~/services/mail.server";
import { listTopics } from "~/models/forum.server";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Atom feed of the latest topics the caller may read (guests: public categories only). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const topics = listTopics(getDb(), { viewer, perPage: 30 }).topics;
  const updated = (topics[0]?.lastPostAt ?? new Date(0)).toISOString();
  const entries = topics
    .map((t) => {
      const url = publicLink(`/forum/${t.categorySlug}/${t.id}`);
      return `  <entry>
    <id>${esc(url)}</id>
    <title>${esc(t.title)}</title>
    <link href="${esc(url)}"/>
    <updated>${t.lastPostAt.toISOString()}</updated>
    <author><name>${esc(t.authorName)}</name></author>
    <category term="${esc(t.categorySlug)}" label="${esc(t.categoryName)}"/>
  </entry>`;
    })
    .join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${esc(publicLink("/forum"))}</id>
  <title>Städtenetz Südosteuropa – Fachforum</title>
  <link rel="self" href="${esc(publicLink("/forum/feed.xml"))}"/>
  <link href="${esc(publicLink("/forum"))}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": viewer ? "private, no-store" : "public, max-age=300" } });
}
