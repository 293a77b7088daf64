// The sitemap: every public page, read from search_documents (the one list of readable records, kept current in
// the same transaction as each write) plus the fixed pages. Guides carry their language alternates (hreflang).
import { and, eq, inArray, like, or } from "drizzle-orm";
import { searchDocuments } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";

export type SitemapEntry = { path: string; lastmod: string | null; alternates?: { lang: string; path: string }[] };

const FIXED = ["/", "/wissen", "/foerderung", "/foerderung/finder", "/forum", "/projekte", "/staedte", "/ankommen", "/ankommen/laufzettel", "/impressum", "/datenschutz", "/barrierefreiheit"];

export function listSitemapEntries(db: Executor): SitemapEntry[] {
  const rows = db
    .select({ id: searchDocuments.id, typ: searchDocuments.typ, url: searchDocuments.url, slug: searchDocuments.slug, updatedAt: searchDocuments.updatedAt })
    .from(searchDocuments)
    .where(
      and(
        eq(searchDocuments.visibility, "public"),
        or(inArray(searchDocuments.typ, ["wissen", "foerderung", "projekt", "stadt", "ankommen"]), like(searchDocuments.id, "forum:topic:%")),
      ),
    )
    .all();
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const guides = new Map<string, { lang: string; path: string }[]>();
  for (const r of rows.filter((r) => r.typ === "ankommen")) {
    const station = r.slug.slice(0, r.slug.indexOf("."));
    const list = guides.get(station) ?? [];
    list.push({ lang: r.slug.slice(station.length + 1), path: r.url });
    guides.set(station, list);
  }
  const entries: SitemapEntry[] = FIXED.map((path) => ({ path, lastmod: null }));
  for (const r of rows) {
    const station = r.typ === "ankommen" ? r.slug.slice(0, r.slug.indexOf(".")) : null;
    entries.push({ path: r.url, lastmod: day(r.updatedAt), ...(station ? { alternates: guides.get(station) } : {}) });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
