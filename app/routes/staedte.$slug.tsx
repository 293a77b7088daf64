import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { PROJECT_STATUS, statusBadgeClass } from "~/components/projekte/labels";
import { figureSeries, getCityBySlug, listCityOpenQuestions, listCityPractices, type Figure } from "~/models/city.server";
import { listCityProjects } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { getDb } from "~/services/db.server";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";
import { listAnlaufstellen } from "~/models/ankommen.server";
import { AnlaufstellenList, toAnlaufstelleView } from "~/components/ankommen/AnlaufstellenList";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.city.name ?? "Stadt");

const pickFigure = (f: Figure) => ({ id: f.id, value: f.value, text: f.text, asOf: f.asOf, asOfText: f.asOfText, source: f.source, note: f.note });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const city = getCityBySlug(db, params.slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  const series = figureSeries(city.figures);
  // distribution over districts: the newest value of each district series
  const districts = series.filter((s) => s.indicator === "anteil-stadtteil").map((s) => s.latest);
  const districtChart =
    districts.length > 0
      ? {
          title: `Verteilung der gemeldeten Menschen aus Bulgarien und Rumänien auf Stadtteile (Stand: ${[...new Set(districts.map((f) => f.asOfText))].join(", ")})`,
          unit: "Prozent",
          source: [...new Set(districts.map((f) => f.source))].join("; "),
          categories: districts.map((f) => f.district ?? f.label),
          series: [{ name: "Anteil in Prozent", values: districts.map((f) => f.value), texts: districts.map((f) => f.text) }],
        }
      : null;
  // one chart per series with at least two dated values: one bar per reference date
  const seriesCharts = series
    .map((s) => ({ s, dated: s.values.filter((v) => v.asOf) }))
    .filter(({ dated }) => dated.length >= 2)
    .map(({ s, dated }) => ({
      key: s.key,
      chart: {
        title: `${s.longLabel} im Zeitverlauf`,
        unit: s.unit === "%" ? "Prozent" : s.unit,
        source: [...new Set(dated.map((f) => f.source))].join("; "),
        categories: dated.map((f) => f.asOfText),
        series: [{ name: s.label, values: dated.map((f) => f.value), texts: dated.map((f) => f.text) }],
      },
    }));
  return {
    city: {
      name: city.name,
      slug: city.slug,
      land: city.land,
      status: ALLIANCE_STATUS[city.allianceStatus],
      archived: !!city.archivedAt,
      description: city.description,
      contact: city.contact,
      figures: series.map((s) => ({
        key: s.key,
        label: s.label, // "Anteil in Hochfeld" for district shares
        // newest value first in the row; older values of the series listed below it
        ...pickFigure(s.latest),
        older: s.values.filter((v) => v.id !== s.latest.id).reverse().map(pickFigure),
      })),
    },
    canEditFigures: can(viewer, "city.editFigures", { cityId: city.id }),
    districtChart,
    seriesCharts,
    projects: listCityProjects(db, city.slug, viewer),
    practices: listCityPractices(db, city.slug, viewer).map((d) => ({ url: d.url, title: d.title })),
    questions: listCityOpenQuestions(db, city.slug, viewer).map((d) => ({ url: d.url, title: d.title, status: d.status })),
    anlaufstellen: listAnlaufstellen(db, city.id).map(toAnlaufstelleView),
    mayEditAnlaufstellen: can(viewer, "anlaufstelle.edit", { cityId: city.id }),
  };
}

const PRACTICES_SHOWN = 10;
const QUESTION_STATUS: Record<string, string> = { "an-clearingstelle": "an Clearingstelle", "in-klaerung": "in Klärung" };

export default function Stadt() {
  const { city, canEditFigures, districtChart, seriesCharts, projects, practices, questions, anlaufstellen, mayEditAnlaufstellen } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Städte", to: "/staedte" }, { label: city.name }]} />
      <h1>{city.name}</h1>
      {city.archived ? (
        <p className="notice" role="note">
          <span className="badge">archiviert</span> Diese Stadt ist archiviert. Ihre Projekte und Kennzahlen bleiben erhalten; sie erscheint nicht mehr in
          Listen und Auswahlfeldern.
        </p>
      ) : null}
      <p>
        <span className="badge">{city.status}</span> {city.land}
      </p>
      <p>{city.description}</p>
      {city.contact ? <p>Kontakt: {city.contact}</p> : null}
      {city.archived ? null : (
        <p>
          <Link to={`/staedte/vergleich?stadt=${city.slug}`}>{city.name} mit anderen Städten vergleichen</Link>
        </p>
      )}
      <h2>Kennzahlen</h2>
      {city.figures.length === 0 ? (
        <p>Für diese Stadt sind noch keine Kennzahlen erfasst.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Tabelle: Kennzahlen" tabIndex={0}>
          <table className="stack-cards">
            <caption className="visually-hidden">Kennzahlen von {city.name} mit Stand und Quelle, neuester Wert zuerst</caption>
            <thead>
              <tr>
                <th scope="col">Kennzahl</th>
                <th scope="col" className="num">
                  Wert
                </th>
                <th scope="col">Stand</th>
                <th scope="col">Quelle</th>
              </tr>
            </thead>
            <tbody>
              {city.figures.map((f) => (
                <FigureRows key={f.key} f={f} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEditFigures ? (
        <p>
          <Link to={`/staedte/${city.slug}/kennzahlen`}>Kennzahlen von {city.name} pflegen</Link>
        </p>
      ) : null}
      {seriesCharts.map((c) => (
        <BarChart key={c.key} id={`verlauf-${c.key.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`} chart={c.chart} />
      ))}
      {districtChart ? <BarChart id="stadtteile" chart={districtChart} /> : null}

      <h2>Projekte</h2>
      {projects.length === 0 ? (
        <p>Noch keine Projekte erfasst.</p>
      ) : (
        <ul className="stadt-projekte">
          {projects.map((p) => (
            <li key={p.slug}>
              <Link to={`/projekte/${p.slug}`}>{p.title}</Link> <span className={statusBadgeClass(p.status)}>{PROJECT_STATUS[p.status]}</span>
              {p.role === "partner" ? <span className="muted"> (als Partnerstadt)</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/projekte?stadt=${city.slug}`}>Alle Projekte mit {city.name} filtern</Link>
      </p>

      <h2>Praxisbeispiele im Wissen</h2>
      {practices.length === 0 ? (
        <p>Noch keine Praxisbeispiele aus {city.name}.</p>
      ) : (
        <>
          <p>{practices.length === 1 ? "1 Praxisbeispiel nennt" : `${practices.length} Praxisbeispiele nennen`} {city.name}.</p>
          <ul className="stadt-praxis">
            {practices.slice(0, PRACTICES_SHOWN).map((d) => (
              <li key={d.url}>
                <Link to={d.url}>{d.title}</Link>
              </li>
            ))}
          </ul>
          {practices.length > PRACTICES_SHOWN ? (
            <details>
              <summary>Weitere {practices.length - PRACTICES_SHOWN} Praxisbeispiele anzeigen</summary>
              <ul className="stadt-praxis">
                {practices.slice(PRACTICES_SHOWN).map((d) => (
                  <li key={d.url}>
                    <Link to={d.url}>{d.title}</Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}

      <h2>Offene Fragen an die Clearingstelle</h2>
      {questions.length === 0 ? (
        <p>Keine offenen Fragen{city.name ? ` aus ${city.name}` : ""}.</p>
      ) : (
        <ul>
          {questions.map((d) => (
            <li key={d.url}>
              <Link to={d.url}>{d.title}</Link> <span className="badge">{QUESTION_STATUS[d.status] ?? d.status}</span>
            </li>
          ))}
        </ul>
      )}

      <h2 id="anlaufstellen">Anlaufstellen für Neuzugewanderte</h2>
      {anlaufstellen.length === 0 ? <p>{city.name} hat noch keine Anlaufstelle eingetragen.</p> : <AnlaufstellenList stellen={anlaufstellen} />}
      <p>
        <Link to={`/staedte/${city.slug}/anlaufstellen`}>{mayEditAnlaufstellen ? "Anlaufstellen pflegen" : "Alle Anlaufstellen"}</Link> ·{" "}
        <Link to={`/ankommen/laufzettel?stadt=${city.slug}`}>Laufzettel für {city.name} erstellen</Link>
      </p>
    </>
  );
}

type FigureView = { id: number; text: string; asOfText: string; source: string; note: string };

function FigureRows({ f }: { f: FigureView & { label: string; older: FigureView[] } }) {
  return (
    <>
      <tr>
        <th scope="row">{f.label}</th>
        <td className="num" data-label="Wert">{f.text}</td>
        <td data-label="Stand">{f.asOfText}</td>
        <td data-label="Quelle">
          {f.source}
          {f.note ? <span className="muted"> ({f.note})</span> : null}
        </td>
      </tr>
      {f.older.map((o) => (
        <tr key={o.id} className="muted">
          <th scope="row">
            <span className="visually-hidden">{f.label}, </span>früherer Wert
          </th>
          <td className="num" data-label="Wert">{o.text}</td>
          <td data-label="Stand">{o.asOfText}</td>
          <td data-label="Quelle">
            {o.source}
            {o.note ? <span> ({o.note})</span> : null}
          </td>
        </tr>
      ))}
    </>
  );
}
