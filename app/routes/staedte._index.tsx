import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusLine } from "~/components/StatusLine";
import { listCitiesWithFigures } from "~/models/city.server";
import { cityProjectStats } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";
import { groupByLand, landId } from "~/utils/laender";

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
  const groups = groupByLand(cities);
  return (
    <>
      <h1>Städte im Städtenetz</h1>
      {groups.length > 1 ? (
        <nav aria-label="Bundesländer">
          <ul className="inline-list">
            {groups.map((g) => (
              <li key={g.land}>
                <a href={`#${landId(g.land)}`}>
                  {g.land} ({g.items.length})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {groups.map((g) => (
        <section key={g.land} aria-labelledby={landId(g.land)}>
          <h2 id={landId(g.land)}>
            {g.land} <span className="muted">({g.items.length === 1 ? "1 Stadt" : `${g.items.length} Städte`})</span>
          </h2>
          <ul className="cards">
            {g.items.map((c) => (
              <li key={c.slug} className="card">
                <h3>
                  <Link to={`/staedte/${c.slug}`}>{c.name}</Link>
                </h3>
                <StatusLine
                  parts={[
                    c.allianceStatus === "mitglied" ? <strong key="a">{ALLIANCE_STATUS[c.allianceStatus]}</strong> : ALLIANCE_STATUS[c.allianceStatus],
                    c.land,
                    c.projects === 1 ? "1 Projekt" : `${c.projects} Projekte`,
                  ]}
                />
                <p>{c.description}</p>
                <p className="muted">
                  {c.registered
                    ? `Gemeldete Menschen aus Bulgarien und Rumänien: ${c.registered.text} (Stand: ${c.registered.asOfText})`
                    : "Keine Kennzahlen erfasst"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Städte vergleichen</h2>
      <p>Der Vergleich funktioniert auch über Ländergrenzen hinweg.</p>
      <Form method="get" action="/staedte/vergleich">
        <fieldset>
          <legend>Wählen Sie zwei bis fünf Städte</legend>
          {groups.map((g) => (
            <fieldset key={g.land} className="check-group">
              <legend>{g.land}</legend>
              <div className="projekt-checks">
                {g.items.map((c) => (
                  <div className="checkbox" key={c.slug}>
                    <input type="checkbox" id={`vergleich-${c.slug}`} name="stadt" value={c.slug} />
                    <label htmlFor={`vergleich-${c.slug}`}>{c.name}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
        <button type="submit">Vergleichen</button>
      </Form>
    </>
  );
}
