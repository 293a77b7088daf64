// The Wissen content collection: content/wissen/*.md → articles (see content/README.md for the format).
import type { Collection } from "./collections.server";
import { parseArticleFile, type ArticleFrontmatter } from "./frontmatter";
import { importArticle, relinkArticles } from "~/models/article.server";
import { ownersFromFile } from "~/models/review.server";

/** Set by the importer for `--force` (overwrite articles edited on the web). */
export const importOptions = { force: false };

export const articleCollection: Collection<ArticleFrontmatter> = {
  folder: "wissen",
  label: "Wissensbeiträge",
  parse: parseArticleFile,
  upsert: (tx, { slug, data, body, sourceHash }) =>
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
    ),
  finish: (tx) => relinkArticles(tx),
};
