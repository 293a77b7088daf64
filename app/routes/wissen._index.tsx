import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { cityNames, listArticles, parseArticleFilters, type ArticleFilters } from "~/models/article.server";
import { FollowSearch } from "~/components/FollowSearch";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { FacetGroup, type FacetOption } from "~/components/wissen/ArticleBits";
import { StatusLine, StatusWord } from "~/components/StatusLine";
import { StandMarker } from "~/components/ReviewState";
import { todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ARTICLE_FILTER_KEYS as KEYS, ARTICLE_TYPES, EBENEN, HANDLUNGSFELDER, label } from "~/utils/taxonomy";
import { FilterToggle } from "~/components/FilterToggle";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...titleMeta(
    data && data.page > 1 ? `Wissen – Seite ${data.page} von ${data.pages}` : "Wissen",
    "Praxisbeispiele mit Erfolgen und Misserfolgen, Lösungsszenarien, Checklisten, Fakten und Glossar zur Zuwanderung aus Südosteuropa.",
  ),
  ...(data && data.page > 1 ? [{ tagName: "link", rel: "prev", href: pageHref(data.filters, data.page - 1) }] : []),
  ...(data && data.page < data.pages ? [{ tagName: "link", rel: "next", href: pageHref(data.filters, data.page + 1) }] : []),
];

/** Entries per page: a short list renders and serialises fast; the rest is one "Nächste Seite" away (works without JS). */
const PAGE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const url = new URL(request.url);
  const f = parseArticleFilters(url.searchParams);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("seite")) || 1));
  const db = getDb();
  const includeDrafts = can(viewer, "content.readDrafts");
  const r = listArticles(db, f, { includeDrafts, limit: PAGE, offset: (page - 1) * PAGE });
  const today = todayIso();
  const cityMap = cityNames(db, [...new Set([...Object.keys(r.facets.stadt), ...r.items.flatMap((i) => i.staedte), ...(f.stadt ? [f.stadt] : [])])]);
  return {
    filters: f,
    page,
    pages: Math.max(1, Math.ceil(r.total / PAGE)),
    total: r.total,
    canEdit: can(viewer, "content.edit"),
    facets: r.facets,
    cityMap,
    items: r.items.map((i) => ({
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      type: i.type,
      typeLabel: ARTICLE_TYPES[i.type],
      felder: i.handlungsfelder.map((h) => label(HANDLUNGSFELDER, h)),
      staedte: i.staedte.map((s) => cityMap[s] ?? s),
      stand: i.stand,
      pruefenBis: i.pruefenBis,
      overdue: !!i.pruefenBis && i.pruefenBis < today,
      status: i.status,
    })),
  };
}

function hrefWith(filters: ArticleFilters, key: keyof ArticleFilters, value: string | null) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = k === key ? value : filters[k];
    if (v) p.set(k, v);
  }
  const s = p.toString();
  return s ? `/wissen?${s}` : "/wissen";
}

/** The list with the same filters on page n (page 1 has no `seite`). */
function pageHref(filters: ArticleFilters, n: number) {
  const base = hrefWith(filters, "typ", filters.typ ?? null);
  return n === 1 ? base : `${base}${base.includes("?") ? "&" : "?"}seite=${n}`;
}

export default function WissenIndex() {
  const d = useLoaderData<typeof loader>();
  const group = (key: keyof ArticleFilters, counts: Record<string, number>, labels: Record<string, string>): FacetOption[] => {
    const values = Object.keys(labels).filter((v) => (counts[v] ?? 0) > 0 || d.filters[key] === v);
    return values.map((v) => ({ value: v, label: labels[v], count: counts[v] ?? 0, href: hrefWith(d.filters, key, d.filters[key] === v ? null : v), active: d.filters[key] === v }));
  };
  const active = KEYS.filter((k) => d.filters[k]);
  const activeLabel = (k: (typeof KEYS)[number], v: string) =>
    k === "typ" ? label(ARTICLE_TYPES, v) : k === "feld" ? label(HANDLUNGSFELDER, v) : k === "ebene" ? label(EBENEN, v) : d.cityMap[v] ?? v;
  return (
    <>
      <h1>Wissen</h1>
      <FollowSearch liste="wissen" />
      <p className="lead">
        Was in anderen Städten funktioniert hat, was gescheitert ist und warum – und wer zuständig ist. Jeder Beitrag nennt seinen Stand und seine
        Quellen; die Landeskoordinierungsstelle hält ihn aktuell.
      </p>
      {d.canEdit ? (
        <p className="actions">
          <Link to="/wissen/neu" className="button">
            Neuen Beitrag anlegen
          </Link>
          <Link to="/verwaltung/pruefung">Überprüfung fällig</Link>
          <Link to="/verwaltung/vorschlaege">Änderungsvorschläge</Link>
        </p>
      ) : null}
      <div className="layout-2col">
        <FilterToggle active={active.length}>
          <nav aria-label="Filter" className="facets">
            <FacetGroup title="Art" id="filter-typ" options={group("typ", d.facets.typ, ARTICLE_TYPES)} allHref={hrefWith(d.filters, "typ", null)} anyActive={!!d.filters.typ} />
            <FacetGroup
              title="Handlungsfeld"
              id="filter-feld"
              options={group("feld", d.facets.feld, HANDLUNGSFELDER)}
              allHref={hrefWith(d.filters, "feld", null)}
              anyActive={!!d.filters.feld}
            />
            <FacetGroup title="Ebene" id="filter-ebene" options={group("ebene", d.facets.ebene, EBENEN)} allHref={hrefWith(d.filters, "ebene", null)} anyActive={!!d.filters.ebene} />
            <FacetGroup title="Stadt" id="filter-stadt" options={group("stadt", d.facets.stadt, d.cityMap)} allHref={hrefWith(d.filters, "stadt", null)} anyActive={!!d.filters.stadt} />
          </nav>
        </FilterToggle>
        <div>
          <h2 className="results-heading" aria-live="polite">
            {d.total === 1 ? "1 Beitrag" : `${d.total} Beiträge`}
            {active.length ? " gefiltert" : ""}
          </h2>
          {active.length ? (
            <ul className="chips" aria-label="Aktive Filter">
              {active.map((k) => (
                <li key={k}>
                  <Link className="chip" to={hrefWith(d.filters, k, null)}>
                    {activeLabel(k, d.filters[k]!)} <span aria-hidden="true">×</span>
                    <span className="visually-hidden"> – Filter entfernen</span>
                  </Link>
                </li>
              ))}
              <li>
                <Link to="/wissen">Alle Filter entfernen</Link>
              </li>
            </ul>
          ) : null}
          {d.items.length === 0 ? (
            <p>Keine Beiträge zu diesen Filtern.</p>
          ) : (
            <ul className="article-list">
              {d.items.map((a) => (
                <li key={a.slug} className={`article-card article-card--${a.type}`}>
                  <h3>
                    <Link to={`/wissen/${a.slug}`}>{a.title}</Link>
                  </h3>
                  <StatusLine
                    parts={[
                      <span key="t" className="article-type">
                        {a.typeLabel}
                      </span>,
                      a.status === "veroeffentlicht" ? null : <StatusWord tone="fail">{a.status === "entwurf" ? "Entwurf" : "Archiviert"}</StatusWord>,
                      a.felder.join(", "),
                      <StandMarker key="s" stand={a.stand} pruefenBis={a.pruefenBis} overdue={a.overdue} redaktion={d.canEdit} inline />,
                      a.staedte.join(", "),
                    ]}
                  />
                  <p>{a.summary}</p>
                </li>
              ))}
            </ul>
          )}
          {d.pages > 1 ? (
            <nav aria-label="Seiten">
              <ul className="pagination">
                {d.page > 1 ? (
                  <li>
                    <Link to={pageHref(d.filters, d.page - 1)} rel="prev">
                      Vorherige Seite
                    </Link>
                  </li>
                ) : null}
                <li>
                  Seite {d.page} von {d.pages}
                </li>
                {d.page < d.pages ? (
                  <li>
                    <Link to={pageHref(d.filters, d.page + 1)} rel="next">
                      Nächste Seite
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </>
  );
}
