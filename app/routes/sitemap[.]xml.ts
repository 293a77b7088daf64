// /sitemap.xml – the public pages for search engines (sitemaps.org 0.9 with xhtml:link hreflang alternates).
import { listSitemapEntries } from "~/models/sitemap.server";
import { getDb } from "~/services/db.server";
import { getEnv } from "~/services/env.server";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function loader() {
  const base = getEnv().publicUrl;
  const urls = listSitemapEntries(getDb()).map((e) => {
    const alt = (e.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${xml(a.lang)}" href="${xml(base + a.path)}"/>`).join("");
    return `<url><loc>${xml(base + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}${alt}</url>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
