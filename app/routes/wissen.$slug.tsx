import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cityNames, getArticleBySlug, listSuggestionsByAuthor, relatedArticles } from "~/models/article.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { BarChart } from "~/components/charts/BarChart";
import { StatusBadge } from "~/components/wissen/ArticleBits";
import { StandMarker } from "~/components/ReviewState";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ARTICLE_TYPES, EBENEN, HANDLUNGSFELDER, STATIONEN, label } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { AttachmentList } from "~/components/dateien/AttachmentList";
import { listAttachmentViews } from "~/models/attachment.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.article.title ?? "Wissen", data?.article.summary);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a || (a.status !== "veroeffentlicht" && !can(viewer, "content.readDrafts"))) throw new Response("Beitrag nicht gefunden", { status: 404 });
  const cityMap = cityNames(db, a.staedte);
  const h2 = a.headings.filter((h) => h.depth === 2);
  return {
    article: {
      slug: a.slug,
      type: a.type,
      typeLabel: ARTICLE_TYPES[a.type],
      title: a.title,
      summary: a.summary,
      html: a.html,
      toc: h2.length >= 4 || a.body.length > 4000 ? h2.map((h) => ({ id: h.id, text: h.text })) : [],
      felder: a.handlungsfelder.map((h) => ({ slug: h, label: label(HANDLUNGSFELDER, h) })),
      ebenen: a.ebenen.map((e) => ({ slug: e, label: label(EBENEN, e) })),
      staedte: a.staedte.map((s) => ({ slug: s, label: cityMap[s] ?? s })),
      station: a.station ? label(STATIONEN, a.station) : null,
      quellen: a.quellen,
      stand: a.stand,
      pruefenBis: a.pruefenBis,
      overdue: !!a.pruefenBis && a.pruefenBis < todayIso(),
      status: a.status,
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
      chart: a.chart
        ? {
            title: a.chart.titel,
            unit: a.chart.einheit,
            source: a.chart.quelle,
            categories: a.chart.kategorien,
            series: a.chart.reihen.map((r) => ({ name: r.name, values: r.werte })),
          }
        : null,
    },
    related: relatedArticles(db, a).map((r) => ({ ...r, typeLabel: ARTICLE_TYPES[r.type] })),
    // The author of a suggestion sees the decision here (in-site) as well as by e-mail; 30 days.
    decisions: user
      ? listSuggestionsByAuthor(db, user.id, a.id)
          .filter((x) => x.decidedAt && Date.now() - x.decidedAt.getTime() < 30 * 86_400_000)
          .map((x) => ({ id: x.id, accepted: x.status === "angenommen", note: x.decisionNote, at: x.decidedAt!.toISOString() }))
      : [],
    files: listAttachmentViews(db, "article", [a.slug], viewer).get(a.slug) ?? [],
    canEdit: can(viewer, "content.edit"),
    canSuggest: can(viewer, "content.suggest") && !can(viewer, "content.edit"),
  };
}

export default function Artikel() {
  const { article: a, related, canEdit, canSuggest, decisions, files } = useLoaderData<typeof loader>();
  return (
    <article className={`article article--${a.type}`}>
      <Breadcrumbs items={[{ label: "Wissen", to: "/wissen" }, { label: a.typeLabel, to: `/wissen?typ=${a.type}` }, { label: a.title }]} />
      {decisions.map((d) => (
        <p key={d.id} className="notice no-print">
          Ihr Änderungsvorschlag wurde am {formatDate(d.at)} {d.accepted ? "übernommen" : "nicht übernommen"}.
          {d.note ? ` Anmerkung der Redaktion: ${d.note}` : ""}
        </p>
      ))}
      <p className="article-type">{a.typeLabel}</p>
      <h1>{a.title}</h1>
      <p className="lead">{a.summary}</p>
      <div className="article-meta">
        <p className="badges">
          <StatusBadge status={a.status} />
          {/* One staleness marker: prominent for Redaktion, a calm "wird überprüft" for everyone else. */}
          <StandMarker stand={a.stand} pruefenBis={a.pruefenBis} overdue={a.overdue} redaktion={canEdit} />
          {a.station ? <span className="badge">Station: {a.station}</span> : null}
        </p>
        <dl className="facts">
          {a.felder.length ? (
            <>
              <dt>Handlungsfelder</dt>
              <dd>
                {a.felder.map((f, i) => (
                  <span key={f.slug}>
                    {i > 0 ? ", " : ""}
                    <Link to={`/wissen?feld=${f.slug}`}>{f.label}</Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
          {a.ebenen.length ? (
            <>
              <dt>Zuständige Ebenen</dt>
              <dd>{a.ebenen.map((e) => e.label).join(", ")}</dd>
            </>
          ) : null}
          {a.staedte.length ? (
            <>
              <dt>Städte</dt>
              <dd>
                {a.staedte.map((s, i) => (
                  <span key={s.slug}>
                    {i > 0 ? ", " : ""}
                    <Link to={`/staedte/${s.slug}`}>{s.label}</Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        {canEdit || canSuggest ? (
          <p className="actions no-print">
            {canEdit ? (
              <>
                <Link className="button" to={`/wissen/${a.slug}/bearbeiten`}>
                  Bearbeiten
                </Link>
                <Link to={`/wissen/${a.slug}/versionen`}>Versionen (aktuell {a.version})</Link>
              </>
            ) : (
              <Link className="button secondary" to={`/wissen/${a.slug}/vorschlagen`}>
                Änderung vorschlagen
              </Link>
            )}
          </p>
        ) : null}
      </div>
      {a.toc.length ? (
        <nav aria-labelledby="inhaltsverzeichnis" className="toc">
          <h2 id="inhaltsverzeichnis">Inhalt</h2>
          <ol>
            {a.toc.map((h) => (
              <li key={h.id}>
                <a href={`#${h.id}`}>{h.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {a.chart ? <BarChart chart={a.chart} id="diagramm" /> : null}
      {/* Stored HTML, rendered once on write through marked + sanitize-html (allowlist). */}
      <div className="prose article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
      {files.length ? (
        <section aria-labelledby="artikel-dateien">
          <h2 id="artikel-dateien">Dateien</h2>
          <AttachmentList files={files} label="Dateien zum Beitrag" />
        </section>
      ) : null}
      <section aria-labelledby="artikel-quellen" className="sources">
        <h2 id="artikel-quellen">Quellen</h2>
        {a.quellen.length ? (
          <ul>
            {a.quellen.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        ) : (
          <p>Keine Quellen angegeben.</p>
        )}
        <p className="muted">
          Stand: {formatDate(a.stand)}
          {a.pruefenBis && !a.overdue ? ` · nächste Überprüfung bis ${formatDate(a.pruefenBis)}` : ""} · zuletzt geändert {formatDate(a.updatedAt)}
        </p>
      </section>
      {related.length ? (
        <section aria-labelledby="artikel-verwandt" className="related no-print">
          <h2 id="artikel-verwandt">Verwandte Beiträge</h2>
          <ul>
            {related.map((r) => (
              <li key={r.slug}>
                <Link to={`/wissen/${r.slug}`}>{r.title}</Link> <span className="muted">({r.typeLabel})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
