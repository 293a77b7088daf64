import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCities } from "~/models/city.server";
import { getDb } from "~/services/db.server";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Städte");

export async function loader() {
  return { cities: listCities(getDb()) };
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
          </li>
        ))}
      </ul>
    </>
  );
}
