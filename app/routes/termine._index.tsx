import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatEventTime } from "~/components/termine/berlin-time";
import { countTermine, listTermine, parseTerminFilters } from "~/models/termin.server";
import { FollowSearch } from "~/components/FollowSearch";
import { StatusLine } from "~/components/StatusLine";
import { FilterToggle } from "~/components/FilterToggle";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER, type Handlungsfeld } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Termine", "Fachtage, Fortbildungen und Treffen des Städtenetzes, der Städte und des Landes.");

const PER_PAGE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const url = new URL(request.url);
  const { past = false, feld } = parseTerminFilters(url.searchParams);
  const seite = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get("seite") ?? "1", 10) || 1));
  const db = getDb();
  const total = countTermine(db, { past, feld });
  const rows = listTermine(db, { past, feld, limit: PER_PAGE, offset: (seite - 1) * PER_PAGE }).map((t) => ({
    id: t.id,
    titel: t.titel,
    beginn: t.beginn.toISOString(),
    ende: t.ende?.toISOString() ?? null,
    ort: t.ort,
    online: t.online,
    city: t.cityName,
    felder: t.handlungsfelder.map((f) => HANDLUNGSFELDER[f as Handlungsfeld] ?? f),
  }));
  return { past, feld: feld ?? null, seite, pages: Math.max(1, Math.ceil(total / PER_PAGE)), total, rows, canCreate: can(viewer, "termin.create") };
}

export default function TermineIndex() {
  const { past, feld, seite, pages, total, rows, canCreate } = useLoaderData<typeof loader>();
  const q = (change: Record<string, string | null>) => {
    const p = new URLSearchParams();
    const merged = { zeit: past ? "vergangen" : null, feld, ...change };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/termine?${s}` : "/termine";
  };
  return (
    <>
      <h1>{past ? "Vergangene Termine" : "Termine"}</h1>
      <FollowSearch liste="termine" />
      <p className="lead">Fachtage, Fortbildungen und Treffen des Städtenetzes, der Städte und des Landes – auch für Justiz, Polizei und Gesundheitswesen.</p>
      <div className="layout-2col">
      <FilterToggle active={feld ? 1 : 0}>
      <aside className="facets" aria-labelledby="filter-titel">
        <h2 id="filter-titel">Handlungsfeld</h2>
        <ul>
          <li>
            <Link to={q({ feld: null, seite: null })} aria-current={!feld ? "true" : undefined}>
              alle
            </Link>
          </li>
          {Object.entries(HANDLUNGSFELDER).map(([k, l]) => (
            <li key={k}>
              <Link to={q({ feld: k, seite: null })} aria-current={feld === k ? "true" : undefined}>
                {l}
              </Link>
            </li>
          ))}
        </ul>
      </aside>
      </FilterToggle>
      <div>
        <p>
          {past ? <Link to={q({ zeit: null, seite: null })}>Kommende Termine</Link> : <Link to={q({ zeit: "vergangen", seite: null })}>Vergangene Termine</Link>}
          {" · "}
          <a href={feld ? `/termine.ics?feld=${feld}` : "/termine.ics"}>{feld ? `Termine „${HANDLUNGSFELDER[feld as Handlungsfeld]}“ als Kalender abonnieren (.ics)` : "Alle Termine als Kalender abonnieren (.ics)"}</a>
          {canCreate ? (
            <>
              {" · "}
              <Link to="/termine/neu">Neuen Termin eintragen</Link>
            </>
          ) : null}
        </p>
        {rows.length ? (
          <ul className="article-list">
            {rows.map((t) => (
              <li key={t.id} className="article-card">
                <h2 className="h3">
                  <Link to={`/termine/${t.id}`}>{t.titel}</Link>
                </h2>
                <StatusLine
                  parts={[
                    <time key="z" dateTime={t.beginn}>
                      {formatEventTime(new Date(t.beginn), t.ende ? new Date(t.ende) : null)}
                    </time>,
                    t.ort,
                    t.online ? "online" : null,
                    t.city,
                    t.felder.join(", "),
                  ]}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p>{past ? "Keine vergangenen Termine." : "Derzeit sind keine kommenden Termine eingetragen."}</p>
        )}
        {pages > 1 ? (
          <nav aria-label="Seiten">
            <p>
              Seite {seite} von {pages} ({total} Termine){" "}
              {seite > 1 ? <Link to={q({ seite: String(seite - 1) })}>Vorherige Seite</Link> : null}{" "}
              {seite < pages ? <Link to={q({ seite: String(seite + 1) })}>Nächste Seite</Link> : null}
            </p>
          </nav>
        ) : null}
        <p>
          <Link to="/forderungen">Forderungen und nächste Schritte</Link>
        </p>
      </div>
    </div>
    </>
  );
}
