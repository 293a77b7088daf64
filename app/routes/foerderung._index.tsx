import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ProgrammeStatusText } from "~/components/foerderung/badges";
import { StatusLine } from "~/components/StatusLine";
import { FollowSearch } from "~/components/FollowSearch";
import { ExpiryHint, StandMarker } from "~/components/ReviewState";
import { listProgrammeSummaries } from "~/models/programme.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate, formatPercent, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import {
  activeChips,
  applyFilters,
  FACETS,
  facetCounts,
  FRIST_OPTIONS,
  isStale,
  parseFilters,
  upcomingDeadlines,
} from "~/utils/programme-facets";
import { EBENEN, FONDS } from "~/utils/taxonomy";
import { FilterToggle } from "~/components/FilterToggle";

export const meta: MetaFunction = () => titleMeta("Förderung");

export async function loader({ request }: LoaderFunctionArgs) {
  // Funding programmes are public; only the "Neues Programm" link depends on the viewer.
  const user = await getUser(request);
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const today = todayIso();
  const all = listProgrammeSummaries(getDb());
  const results = applyFilters(all, filters, today);
  return {
    filters,
    chips: activeChips(filters),
    counts: facetCounts(all, filters, today),
    total: all.length,
    canEdit: can(toViewer(user), "content.edit"),
    programmes: results.map((p) => {
      const next = upcomingDeadlines(p, today)[0] ?? null;
      return {
        slug: p.slug,
        title: p.title,
        kurz: p.kurz,
        fonds: FONDS[p.fonds],
        ebene: EBENEN[p.ebene],
        status: p.status,
        summary: p.summary,
        foerderquote: p.foerderquote,
        eigenanteil: p.eigenanteil,
        stale: isStale(p, today) ? p.pruefenBis : null,
        stand: p.stand,
        nextDeadline: next,
        pastDeadline: p.fristen.length > 0 && !next,
      };
    }),
  };
}

export default function Foerderung() {
  const { filters, chips, counts, programmes, total, canEdit } = useLoaderData<typeof loader>();
  const n = programmes.length;
  return (
    <>
      <h1>Förderung</h1>
      <FollowSearch liste="foerderung" />
      <p className="lead">
        Welche Mittel gibt es für wen, mit wie viel Eigenanteil, welcher Kofinanzierung und bis wann? Jedes Programm nennt Stand und Quellen; fehlende
        Angaben stehen als „keine Angabe“ da.
      </p>
      <ul className="actions foerderung-actions">
        <li>
          <Link to="/foerderung/finder" className="button">
            Passt das Programm? – Förder-Finder
          </Link>
        </li>
        <li>
          <a href="/foerderung/fristen.ics">Alle künftigen Fristen als Kalender (.ics)</a>
        </li>
        {canEdit ? (
          <li>
            <Link to="/foerderung/neu">Neues Programm anlegen</Link>
          </li>
        ) : null}
      </ul>
      <div className="layout-2col foerderung-layout">
        <FilterToggle active={chips.length}>
          <section aria-labelledby="filter-titel" className="facets">
            <h2 id="filter-titel">Filter</h2>
            <Form method="get" action="/foerderung" preventScrollReset>
              {FACETS.map(({ key, legend, options }) => (
                <fieldset key={key}>
                  <legend>{legend}</legend>
                  {Object.entries(options).map(([value, label]) => {
                    const id = `f-${key}-${value}`;
                    return (
                      <div className="checkbox" key={value}>
                        <input type="checkbox" id={id} name={key} value={value} defaultChecked={(filters[key] as string[]).includes(value)} />
                        <label htmlFor={id}>
                          {label} <span className="muted">({counts[key][value]})</span>
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              ))}
              <fieldset>
                <legend>Frist in den nächsten …</legend>
                <div className="checkbox">
                  <input type="radio" id="f-frist-alle" name="frist" value="" defaultChecked={!filters.frist} />
                  <label htmlFor="f-frist-alle">egal</label>
                </div>
                {FRIST_OPTIONS.map((d) => (
                  <div className="checkbox" key={d}>
                    <input type="radio" id={`f-frist-${d}`} name="frist" value={d} defaultChecked={filters.frist === d} />
                    <label htmlFor={`f-frist-${d}`}>
                      {d} Tagen <span className="muted">({counts.frist[d]})</span>
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit">Filter anwenden</button>
            </Form>
          </section>
        </FilterToggle>
        <section aria-labelledby="ergebnis-titel">
          <h2 id="ergebnis-titel" aria-live="polite" aria-atomic="true">
            {n === 1 ? "1 Programm" : `${n} Programme`} {chips.length ? `(von ${total}) für Ihre Auswahl` : ""}
          </h2>
          {chips.length > 0 ? (
            <>
              <h3 className="visually-hidden">Aktive Filter</h3>
              <ul className="chips" aria-label="Aktive Filter">
                {chips.map((c) => (
                  <li key={c.label}>
                    <Link className="chip" to={c.removeHref} preventScrollReset>
                      {c.label} <span aria-hidden="true">×</span>
                      <span className="visually-hidden"> – Filter entfernen</span>
                    </Link>
                  </li>
                ))}
                <li>
                  <Link to="/foerderung">Alle Filter entfernen</Link>
                </li>
              </ul>
            </>
          ) : null}
          {n === 0 ? (
            <p>Kein Programm passt zu diesen Filtern. Entfernen Sie einen Filter oder versuchen Sie den Förder-Finder.</p>
          ) : (
            <ul className="programme-list">
              {programmes.map((p) => (
                <li key={p.slug} className="programme-row" data-slug={p.slug}>
                  <h3>
                    <Link to={`/foerderung/${p.slug}`}>{p.title}</Link>
                  </h3>
                  <StatusLine
                    parts={[
                      `Fonds ${p.fonds}`,
                      p.ebene,
                      <ProgrammeStatusText key="st" status={p.status} />,
                      p.stale ? <StandMarker key="sm" stand={p.stand} pruefenBis={p.stale} overdue redaktion={canEdit} inline /> : null,
                    ]}
                  />
                  <p>{p.summary}</p>
                  <p className="programme-row-facts">
                    Förderquote: {p.foerderquote != null ? formatPercent(p.foerderquote) : "keine Angabe"}
                    <ExpiryHint show={!!p.stale && p.foerderquote != null} what="Quote" /> · Eigenanteil:{" "}
                    {p.eigenanteil != null ? formatPercent(p.eigenanteil) : "keine Angabe"} · Nächste Frist:{" "}
                    {p.nextDeadline
                      ? `${formatDate(p.nextDeadline.datum)} (${p.nextDeadline.bezeichnung})`
                      : p.pastDeadline
                        ? "alle eingetragenen Fristen abgelaufen"
                        : "keine Angabe"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
