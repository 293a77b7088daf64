import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { StatusLine } from "~/components/StatusLine";
import { Link, useLoaderData } from "@remix-run/react";
import css from "~/components/forderungen/forderungen.css";
import { EBENE_HEADINGS, FORDERUNG_STATUS, LOESUNGSSZENARIEN, lsLabel, type ForderungStatus } from "~/components/forderungen/labels";
import { StatusBadge } from "~/components/forderungen/StatusBadge";
import { FollowSearch } from "~/components/FollowSearch";
import { FilterToggle } from "~/components/FilterToggle";
import { forderungFacets, listForderungen, listProposals, parseForderungFilters, sortByEbene, type ForderungFilters } from "~/models/forderung.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { EBENEN, HANDLUNGSFELDER, type Ebene } from "~/utils/taxonomy";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction = () =>
  titleMeta("Forderungen und nächste Schritte", "Was der Handlungsrahmen von Kommunen, Land, Bund, EU und Herkunftsländern verlangt – und was seither geschehen ist.");

const VIEWS = { ebene: "Wer ist am Zug?", ls: "Nach Lösungsszenario", status: "Nach Status" } as const;
type View = keyof typeof VIEWS;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const url = new URL(request.url);
  const filters = parseForderungFilters(url.searchParams);
  const a = url.searchParams.get("ansicht");
  const view: View = a === "ls" || a === "status" ? a : "ebene";
  const db = getDb();
  const rows = listForderungen(db, filters).map((r) => ({
    slug: r.slug,
    titel: r.titel,
    stelle: r.stelle,
    ebene: r.ebene,
    loesungsszenario: r.loesungsszenario,
    quelle: r.quelle,
    status: r.status,
    statusDatum: r.statusDatum,
    handlungsfelder: r.handlungsfelder,
  }));
  const facets = forderungFacets(db, filters);
  return {
    view,
    filters,
    rows: view === "ebene" ? sortByEbene(rows) : rows,
    facets,
    openProposals: can(viewer, "forderung.decide") ? listProposals(db, viewer).length : null,
  };
}

function query(filters: ForderungFilters, view: View, change: Partial<Record<keyof ForderungFilters, string | undefined>> = {}) {
  const p = new URLSearchParams();
  if (view !== "ebene") p.set("ansicht", view);
  const merged: Record<string, string | number | undefined> = { ...filters, ...change };
  for (const k of ["ebene", "ls", "status", "feld"]) if (merged[k] != null && merged[k] !== "") p.set(k, String(merged[k]));
  const s = p.toString();
  return s ? `/forderungen?${s}` : "/forderungen";
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function groupsOf(rows: Row[], view: View): { key: string; title: string; rows: Row[] }[] {
  const keys: string[] = view === "ebene" ? Object.keys(EBENEN) : view === "ls" ? Object.keys(LOESUNGSSZENARIEN) : Object.keys(FORDERUNG_STATUS);
  return keys
    .map((k) => ({
      key: k,
      title: view === "ebene" ? EBENE_HEADINGS[k as Ebene] : view === "ls" ? lsLabel(Number(k)) : FORDERUNG_STATUS[k as ForderungStatus],
      rows: rows.filter((r) => (view === "ebene" ? r.ebene === k : view === "ls" ? String(r.loesungsszenario) === k : r.status === k)),
    }))
    .filter((g) => g.rows.length > 0);
}

export default function ForderungenIndex() {
  const { view, filters, rows, facets, openProposals } = useLoaderData<typeof loader>();
  const groups = groupsOf(rows, view);
  const facetGroup = (key: keyof ForderungFilters, title: string, options: [string, string][], counts: Record<string, number>) => (
    <div className="facet-group">
      <h3 id={`facette-${key}`}>{title}</h3>
      <ul aria-labelledby={`facette-${key}`}>
        <li>
          <Link to={query(filters, view, { [key]: undefined })} aria-current={filters[key] == null ? "true" : undefined}>
            alle
          </Link>
        </li>
        {options.map(([value, label]) => (
          <li key={value}>
            <Link to={query(filters, view, { [key]: value })} aria-current={String(filters[key] ?? "") === value ? "true" : undefined}>
              {label}
            </Link>{" "}
            <span className="facet-count">({counts[value] ?? 0})</span>
          </li>
        ))}
      </ul>
    </div>
  );
  const exportQuery = query(filters, "ebene").replace("/forderungen", "");
  return (
    <>
      <h1>Forderungen und nächste Schritte</h1>
      <FollowSearch liste="forderungen" />
      <p className="lead">
        Jedes Lösungsszenario des Handlungsrahmens (2013) endet mit nächsten Schritten für Kommune, Land, Bund, EU und Herkunftsländer. Hier steht, wer am Zug
        ist und was seither geschehen ist – jeder Statuswechsel mit Datum, Nachweis und Autorin oder Autor.
      </p>
      <div className="layout-2col">
        <FilterToggle active={Object.keys(filters).length}>
          <aside className="facets" aria-labelledby="filter-titel">
            <h2 id="filter-titel">Filtern</h2>
            {facetGroup("ebene", "Ebene", Object.entries(EBENEN), facets.ebene)}
            {facetGroup("ls", "Lösungsszenario", Object.keys(LOESUNGSSZENARIEN).map((k) => [k, `LS ${k}: ${LOESUNGSSZENARIEN[Number(k)]}`]), facets.ls)}
            {facetGroup("status", "Status", Object.entries(FORDERUNG_STATUS), facets.status)}
            {facetGroup("feld", "Handlungsfeld", Object.entries(HANDLUNGSFELDER), facets.feld)}
          </aside>
        </FilterToggle>
      <div>
        {openProposals ? (
          <p>
            <Link to="/forderungen/vorschlaege">{openProposals === 1 ? "1 Statusvorschlag wartet" : `${openProposals} Statusvorschläge warten`} auf Bestätigung</Link>
          </p>
        ) : null}
        <nav aria-label="Ansicht">
          <ul className="forderung-views">
            {(Object.keys(VIEWS) as View[]).map((v) => (
              <li key={v}>
                <Link to={query(filters, v)} aria-current={v === view ? "page" : undefined}>
                  {VIEWS[v]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          {rows.length === 1 ? "1 Forderung" : `${rows.length} Forderungen`}
          {Object.keys(filters).length ? (
            <>
              {" "}
              · <Link to={query({}, view)}>Filter zurücksetzen</Link>
            </>
          ) : null}
        </p>
        {groups.map((g) => (
          <section key={g.key} aria-labelledby={`gruppe-${g.key}`}>
            <h2 id={`gruppe-${g.key}`}>
              {g.title} <span className="facet-count">({g.rows.length})</span>
            </h2>
            {view === "ebene" ? (
              <p className="forderung-meta">
                <Link to={`/forderungen/bericht/${g.key}`}>Bericht für {EBENE_HEADINGS[g.key as Ebene]} (druckbar)</Link>
              </p>
            ) : null}
            <ul className="forderung-list">
              {g.rows.map((r) => (
                <li key={r.slug} className="forderung-item">
                  <h3>
                    <Link to={`/forderungen/${r.slug}`}>{r.titel}</Link>
                  </h3>
                  <StatusLine
                    parts={[
                      <span key="s">
                        <StatusBadge status={r.status} /> {r.statusDatum ? <>seit {formatDate(r.statusDatum)}</> : <>Stand unbekannt</>}
                      </span>,
                      `${view !== "ebene" ? `${EBENEN[r.ebene as Ebene]}: ` : ""}${r.stelle}`,
                      view !== "ls" ? `LS ${r.loesungsszenario}` : null,
                      `Quelle: ${r.quelle}`,
                    ]}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {rows.length === 0 ? <p>Keine Forderung passt zu diesen Filtern.</p> : null}
        <h2>Weiterverwenden</h2>
        <ul>
          <li>
            <a href={`/forderungen/export.csv${exportQuery}`}>Als CSV herunterladen</a> · <a href={`/forderungen/export.json${exportQuery}`}>als JSON</a> (Datenlizenz
            Deutschland – Namensnennung – 2.0, <a href="https://www.govdata.de/dl-de/by-2-0">dl-de/by-2-0</a>)
          </li>
          <li>
            <a href="/forderungen/feed.xml">Statusänderungen als Atom-Feed</a>
          </li>
          <li>
            Berichte je Ebene:{" "}
            {Object.entries(EBENE_HEADINGS).map(([k, l], i) => (
              <span key={k}>
                {i ? " · " : ""}
                <Link to={`/forderungen/bericht/${k}`}>{l}</Link>
              </span>
            ))}
          </li>
          <li>
            <Link to="/termine">Termine: Fachtage, Fortbildungen und Treffen</Link>
          </li>
        </ul>
      </div>
    </div>
    </>
  );
}
