import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { PROJECT_STATUS, statusBadgeClass } from "~/components/projekte/labels";
import { getCityBySlug, listCityOpenQuestions, listCityPractices } from "~/models/city.server";
import { listCityProjects } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatDate, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";
import { listAnlaufstellen } from "~/models/ankommen.server";
import { AnlaufstellenList, toAnlaufstelleView } from "~/components/ankommen/AnlaufstellenList";
import { can } from "~/services/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.city.name ?? "Stadt");

const DISTRICT_PREFIX = "anteil-stadtteil-";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const city = getCityBySlug(db, params.slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  const districts = city.figures.filter((f) => f.key.startsWith(DISTRICT_PREFIX));
  const districtChart =
    districts.length > 0
      ? {
          title: `Verteilung der gemeldeten Menschen aus Bulgarien und Rumänien auf Stadtteile (Stand ${formatDate(districts[0].asOf)})`,
          unit: "Prozent",
          source: districts[0].source,
          categories: districts.map((f) => f.label.replace(/^Anteil in /, "")),
          series: [{ name: "Anteil in Prozent", values: districts.map((f) => f.value) }],
        }
      : null;
  return {
    city: {
      name: city.name,
      slug: city.slug,
      land: city.land,
      status: ALLIANCE_STATUS[city.allianceStatus],
      description: city.description,
      contact: city.contact,
      figures: city.figures.map((f) => ({ id: f.id, label: f.label, value: f.value, unit: f.unit, approximate: f.approximate, asOf: f.asOf, source: f.source })),
    },
    districtChart,
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
  const { city, districtChart, projects, practices, questions, anlaufstellen, mayEditAnlaufstellen } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staedte">Alle Städte</Link>
      </p>
      <h1>{city.name}</h1>
      <p>
        <span className="badge">{city.status}</span> {city.land}
      </p>
      <p>{city.description}</p>
      {city.contact ? <p>Kontakt: {city.contact}</p> : null}
      <p>
        <Link to={`/staedte/vergleich?stadt=${city.slug}`}>{city.name} mit anderen Städten vergleichen</Link>
      </p>
      <h2>Kennzahlen</h2>
      {city.figures.length === 0 ? (
        <p>Für diese Stadt sind noch keine Kennzahlen erfasst.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Kennzahlen von {city.name} mit Stand und Quelle</caption>
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
                <tr key={f.id}>
                  <th scope="row">{f.label}</th>
                  <td className="num">
                    {f.approximate ? "etwa " : ""}
                    {formatNumber(f.value)} {f.unit}
                  </td>
                  <td>{formatDate(f.asOf)}</td>
                  <td>{f.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
