// The Wissen content collection: content/wissen/*.md → articles (see content/README.md for the format).
import type { Collection } from "./collections.server";
import { parseArticleFile, type ArticleFrontmatter } from "./frontmatter";
import { importArticle, relinkArticles, renderArticle, type RenderedArticle } from "~/models/article.server";
import { ownersFromFile } from "~/models/review.server";
import { articles } from "../../../db/schema/index";
import { eq } from "drizzle-orm";

/** Set by the importer for `--force` (overwrite articles edited on the web). */
export const importOptions = { force: false };

export const articleCollection: Collection<ArticleFrontmatter> = {
  folder: "wissen",
  label: "Wissensbeiträge",
  parse: parseArticleFile,
  // Render outside the write transaction, unless the file is unchanged (then there is nothing to write).
  prepare: (db, { slug, data, body, sourceHash }) => {
    const row = db.select({ h: articles.sourceHash }).from(articles).where(eq(articles.slug, slug)).get();
    return row?.h === sourceHash ? undefined : renderArticle(db, data.type, body);
  },
  upsert: (tx, { slug, data, body, sourceHash, prepared }) =>
    importArticle(
      tx,
      {
        slug,
        type: data.type,
        title: data.title,
        summary: data.summary,
        body,
        handlungsfelder: data.handlungsfelder,
        ebenen: data.ebenen,
        staedte: data.staedte,
        quellen: data.quellen,
        stand: data.stand,
        pruefenBis: data.pruefen_bis ?? null,
        status: data.status,
        zielgruppen: data.zielgruppen ?? [],
        station: data.station ?? null,
        chart: data.diagramm ?? null,
        // verantwortlich / vertretung → Redaktion users (unresolved or "redaktion": team, see review.server.ts)
        ...ownersFromFile(tx, data),
      },
      sourceHash,
      importOptions.force,
      prepared as RenderedArticle | undefined,
    ),
  finish: (tx) => relinkArticles(tx),
};
