// The real content corpus (content/wissen, content/foerderung) as search documents – the same shape the
// importer writes (ids wissen:<slug>, foerderung:<slug>). Used by the judged-query tests and the benchmark,
// decoupled from the importer so search quality can be checked on its own.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArticleFile, parseProgrammeFile } from "../../app/services/content/frontmatter";
import { markdownToText } from "../../app/services/markdown.server";
import type { SearchDoc } from "../../app/services/search/documents.server";

const headingsOf = (body: string) =>
  body
    .split("\n")
    .filter((l) => /^#{1,6}\s/.test(l))
    .map((l) => l.replace(/^#+\s*/, "").trim())
    .join(" · ");

export function loadCorpus(dir = resolve("content")): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const file of readdirSync(join(dir, "wissen")).filter((f) => f.endsWith(".md")).sort()) {
    const slug = file.slice(0, -3);
    const parsed = parseArticleFile(readFileSync(join(dir, "wissen", file), "utf8"));
    if (!parsed.ok || parsed.data.status !== "veroeffentlicht") continue;
    const a = parsed.data;
    docs.push({
      id: `wissen:${slug}`, typ: "wissen", slug, url: `/wissen/${slug}`, title: a.title, summary: a.summary,
      headings: headingsOf(parsed.body), body: markdownToText(parsed.body), subtype: a.type,
      handlungsfelder: a.handlungsfelder, ebenen: a.ebenen, staedte: a.staedte, status: a.status, visibility: "public",
    });
  }
  for (const file of readdirSync(join(dir, "foerderung")).filter((f) => f.endsWith(".md")).sort()) {
    const slug = file.slice(0, -3);
    const parsed = parseProgrammeFile(readFileSync(join(dir, "foerderung", file), "utf8"));
    if (!parsed.ok) continue;
    const p = parsed.data;
    docs.push({
      id: `foerderung:${slug}`, typ: "foerderung", slug, url: `/foerderung/${slug}`, title: p.title, summary: p.summary,
      kurz: p.kurz, headings: headingsOf(parsed.body), body: markdownToText(parsed.body), subtype: p.fonds,
      handlungsfelder: p.handlungsfelder, ebenen: [p.ebene], staedte: [], status: p.status, visibility: "public",
    });
  }
  return docs;
}
