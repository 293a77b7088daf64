import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { filtersToQuery, parseFilters, parseSort, type Filters } from "~/components/projekte/filters";
import { PROJECT_SORTS, PROJECT_STATUS, type ProjectSort } from "~/components/projekte/labels";
import { StatusLine, StatusWord } from "~/components/StatusLine";
import { FollowSearch } from "~/components/FollowSearch";
import { listCities } from "~/models/city.server";
import { listProjects, projectFacets, visibleProjects } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate, formatEuro } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { FONDS, HANDLUNGSFELDER, label } from "~/utils/taxonomy";
import { FilterToggle } from "~/components/FilterToggle";

export const meta: MetaFunction = () => titleMeta("Projekte", "Entwicklungsdatenbank des Städtenetzes: Projekte von der Idee bis zur Auswertung.");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const { sort, dir } = parseSort(url.searchParams);
  const view = url.searchParams.get("ansicht") === "tabelle" ? "tabelle" : "karten";
  const db = getDb();
  // one load of the visible projects for the list and its facet counts
  const all = visibleProjects(db, viewer);
  const rows = listProjects(db, { viewer, filters, sort, dir, all });
  const facets = projectFacets(db, viewer, all);
  const cities = listCities(db).map((c) => ({ slug: c.slug, name: c.name, n: facets.staedte.get(c.slug) ?? 0 }));
  return {
    filters,
    sort,
    dir,
    view,
    signedIn: !!user,
    canCreate: !!user && (can(viewer, "project.create", { cityId: user.cityId }) || user.role === "redaktion"),
    facets: {
      total: facets.total,
      cities,
      status: Object.entries(PROJECT_STATUS).map(([k, l]) => ({ value: k, label: l, n: facets.status.get(k) ?? 0 })),
      felder: Object.entries(HANDLUNGSFELDER).map(([k, l]) => ({ value: k, label: l, n: facets.felder.get(k) ?? 0 })),
      fonds: Object.entries(FONDS).map(([k, l]) => ({ value: k, label: l, n: facets.fonds.get(k) ?? 0 })),
      programme: facets.programme,
      partner: facets.partner,
      minYear: facets.minYear,
      maxYear: facets.maxYear,
    },
    projects: rows.map((p) => ({
      slug: p.slug,
      title: p.title,
      summary: p.summary,
      status: p.status,
      visibility: p.visibility,
      handlungsfelder: p.handlungsfelder,
      seeksPartners: p.seeksPartners,
      budget: p.budget,
      startDate: p.startDate,
      endDate: p.endDate,
      lastActivityAt: p.lastActivityAt.toISOString(),
      lead: p.lead?.name ?? null,
      partners: p.partners.map((c) => c.name),
    })),
  };
}

function SortHeader({ col, label: text, sort, dir, filters }: { col: ProjectSort; label: string; sort: ProjectSort; dir: "asc" | "desc"; filters: Filters }) {
  const active = sort === col;
  const next = active && dir === "desc" ? "asc" : active ? "desc" : col === "titel" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={col === "budget" ? "num" : undefined}>
      <Link to={filtersToQuery(filters, { ansicht: "tabelle", sort: col, richtung: next })}>
        {text}
        <span className="visually-hidden">, sortieren {next === "asc" ? "aufsteigend" : "absteigend"}</span>
        {active ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}

/** One end of the year range ("von" / "bis"); "offen" leaves that end open. */
function YearSelect({ id, name, label, years, value }: { id: string; name: string; label: string; years: number[]; value: number | null | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ? String(value) : ""}>
        <option value="">offen</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Projekte() {
  const { filters, sort, dir, view, canCreate, facets, projects } = useLoaderData<typeof loader>();
  const q = filtersToQuery(filters);
  const years: number[] = [];
  if (facets.minYear != null && facets.maxYear != null) for (let y = facets.minYear; y <= facets.maxYear; y++) years.push(y);
  const activeCount = Object.keys(filters).length;
  return (
    <>
      <h1>Projekte</h1>
      <FollowSearch liste="projekte" />
      <p>
        Die Entwicklungsdatenbank zeigt Projekte der Städte von der Idee bis zur Auswertung – auch abgebrochene, mit ihren Gründen. So müssen Städte mit
        ähnlicher Zuwanderung Projekte nicht neu erfinden und finden Partner für eine gemeinsame ITI.
      </p>
      <div className="actions">
        {canCreate ? (
          <Link to="/projekte/neu" className="button">
            Neues Projekt
          </Link>
        ) : null}
        <Link to="/staedte/vergleich">Städte vergleichen</Link>
      </div>
      <div className="layout-2col">
      <FilterToggle active={activeCount}>
        <aside className="facets projekt-facets" aria-labelledby="filter-titel">
          <h2 id="filter-titel">Projekte filtern</h2>
          <Form method="get" action="/projekte">
            {view === "tabelle" ? <input type="hidden" name="ansicht" value="tabelle" /> : null}
            <FacetSelect id="f-stadt" name="stadt" label="Stadt" all="alle Städte" value={filters.stadt} options={facets.cities.map((c) => ({ value: c.slug, label: c.name, n: c.n }))} />
            <FacetSelect id="f-status" name="status" label="Status" all="jeder Status" value={filters.status} options={facets.status.map((o) => ({ value: o.value, label: o.label, n: o.n }))} />
            <FacetSelect id="f-feld" name="feld" label="Handlungsfeld" all="alle Handlungsfelder" value={filters.feld} options={facets.felder.map((o) => ({ value: o.value, label: o.label, n: o.n }))} />
            <FacetSelect id="f-fonds" name="fonds" label="Fonds" all="alle Fonds" value={filters.fonds} options={facets.fonds.map((o) => ({ value: o.value, label: o.label, n: o.n }))} />
            <FacetSelect id="f-programm" name="programm" label="Förderprogramm" all="alle Programme" value={filters.programm} options={facets.programme.map((o) => ({ value: o.slug, label: o.name, n: o.n }))} />
            <fieldset>
              <legend>Zeitraum (Jahre)</legend>
              <div className="projekt-row">
                <YearSelect id="f-von" name="von" label="von" years={years} value={filters.von} />
                <YearSelect id="f-bis" name="bis" label="bis" years={years} value={filters.bis} />
              </div>
            </fieldset>
            <div className="checkbox">
              <input type="checkbox" id="f-partner" name="partner" value="1" defaultChecked={!!filters.partner} />
              <label htmlFor="f-partner">Sucht Partnerstädte ({facets.partner})</label>
            </div>
            <div className="actions">
              <button type="submit">Filter anwenden</button>
              {activeCount > 0 ? <Link to={view === "tabelle" ? "/projekte?ansicht=tabelle" : "/projekte"}>Filter zurücksetzen</Link> : null}
            </div>
          </Form>
        </aside>
      </FilterToggle>
        <div>
          <p role="status">
            {projects.length === 1 ? "1 Projekt" : `${projects.length} Projekte`}
            {activeCount > 0 ? ` (gefiltert aus ${facets.total})` : ""}
          </p>
          <nav aria-label="Ansicht" className="projekt-views">
            <ul className="chips">
              <li>
                <Link className="chip" to={`/projekte${q}`} aria-current={view === "karten" ? "page" : undefined}>
                  Kartenansicht
                </Link>
              </li>
              <li>
                <Link className="chip" to={`/projekte${filtersToQuery(filters, { ansicht: "tabelle" })}`} aria-current={view === "tabelle" ? "page" : undefined}>
                  Tabellenansicht
                </Link>
              </li>
            </ul>
          </nav>
          {projects.length === 0 ? (
            <p>Keine Projekte gefunden. Ändern Sie die Filter.</p>
          ) : view === "tabelle" ? (
            <div className="table-wrap">
              <table className="projekt-table stack-cards keep-head">
                <caption>
                  Projekte, sortiert nach {PROJECT_SORTS[sort]} ({dir === "asc" ? "aufsteigend" : "absteigend"})
                </caption>
                <thead>
                  <tr>
                    <SortHeader col="titel" label="Titel" sort={sort} dir={dir} filters={filters} />
                    <th scope="col">Federführung</th>
                    <th scope="col">Status</th>
                    <SortHeader col="budget" label="Budget" sort={sort} dir={dir} filters={filters} />
                    <SortHeader col="start" label="Beginn" sort={sort} dir={dir} filters={filters} />
                    <SortHeader col="aktualisiert" label="Aktualisiert" sort={sort} dir={dir} filters={filters} />
                  </tr>
                </thead>
                <tbody>
                  {projects.map((p) => (
                    <tr key={p.slug}>
                      <th scope="row">
                        <Link to={`/projekte/${p.slug}`}>{p.title}</Link>
                      </th>
                      <td data-label="Federführung">{p.lead ?? "–"}</td>
                      <td data-label="Status">{PROJECT_STATUS[p.status]}</td>
                      <td className="num" data-label="Budget">{p.budget == null ? "–" : formatEuro(p.budget)}</td>
                      <td data-label="Beginn">{p.startDate ? formatDate(p.startDate) : "–"}</td>
                      <td data-label="Aktualisiert">{formatDate(p.lastActivityAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <ul className="cards">
              {projects.map((p) => (
                <li key={p.slug} className="card">
                  <h2>
                    <Link to={`/projekte/${p.slug}`}>{p.title}</Link>
                  </h2>
                  <StatusLine
                    parts={[
                      p.status === "abgebrochen" ? <StatusWord key="s" tone="fail">{PROJECT_STATUS[p.status]}</StatusWord> : PROJECT_STATUS[p.status],
                      `${p.lead ?? "ohne Stadt"}${p.partners.length ? ` mit ${p.partners.join(", ")}` : ""}`,
                      p.handlungsfelder.map((f) => label(HANDLUNGSFELDER, f)).join(", "),
                      p.visibility === "members" ? "Nur für Mitglieder" : null,
                      p.seeksPartners ? <strong key="p">Sucht Partnerstädte</strong> : null,
                    ]}
                  />
                  {p.summary ? <p>{p.summary}</p> : null}
                </li>
              ))}
            </ul>
          )}
          <div className="actions projekt-exports">
            <Link to={`/projekte/export.csv${q}`} className="button secondary" reloadDocument>
              Export als CSV
            </Link>
            <Link to={`/projekte/export.json${q}`} className="button secondary" reloadDocument>
              Export als JSON
            </Link>
          </div>
          <p className="hint">
            Die Exporte enthalten nur öffentliche Projekte (Lizenz: Datenlizenz Deutschland – Namensnennung 2.0) und übernehmen die gewählten Filter.
          </p>
        </div>
      </div>
    </>
  );
}

/** One filter select: "all" first, then each option with its count. */
function FacetSelect({ id, name, label, all, value, options }: { id: string; name: string; label: string; all: string; value: string | null | undefined; options: { value: string; label: string; n: number }[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.n})
          </option>
        ))}
      </select>
    </div>
  );
}
