import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listCitiesWithFigures } from "~/models/city.server";
import { cityProjectStats } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Städte");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const stats = cityProjectStats(db, viewer);
  return {
    cities: listCitiesWithFigures(db).map((c) => {
      const reg = c.figures.find((f) => f.seriesKey === "bg-ro-gemeldet");
      return {
        slug: c.slug,
        name: c.name,
        land: c.land,
        allianceStatus: c.allianceStatus,
        description: c.description,
        projects: stats.get(c.slug)?.total ?? 0,
        registered: reg ? { text: reg.text, asOfText: reg.asOfText } : null,
      };
    }),
  };
}

export default function Staedte() {
  const { cities } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Städte im Städtenetz</h1>
      <ul className="cards">
        {cities.map((c) => (
          <li key={c.slug} className="card">
            <h2>
              <Link to={`/staedte/${c.slug}`}>{c.name}</Link>
            </h2>
            <p>
              <span className={c.allianceStatus === "mitglied" ? "badge badge--ok" : "badge"}>{ALLIANCE_STATUS[c.allianceStatus]}</span> {c.land}
            </p>
            <p>{c.description}</p>
            <p className="muted">
              {c.registered
                ? `Gemeldete Menschen aus Bulgarien und Rumänien: ${c.registered.text} (Stand: ${c.registered.asOfText})`
                : "Keine Kennzahlen erfasst"}
              {" · "}
              {c.projects === 1 ? "1 Projekt" : `${c.projects} Projekte`}
            </p>
          </li>
        ))}
      </ul>
      <h2>Städte vergleichen</h2>
      <Form method="get" action="/staedte/vergleich">
        <fieldset>
          <legend>Wählen Sie zwei bis fünf Städte</legend>
          <div className="projekt-checks">
            {cities.map((c) => (
              <div className="checkbox" key={c.slug}>
                <input type="checkbox" id={`vergleich-${c.slug}`} name="stadt" value={c.slug} />
                <label htmlFor={`vergleich-${c.slug}`}>{c.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit">Vergleichen</button>
      </Form>
    </>
  );
}
