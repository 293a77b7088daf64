import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCityBySlug } from "~/models/city.server";
import { getDb } from "~/services/db.server";
import { formatDate, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS } from "~/utils/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data?.city.name ?? "Stadt");

export async function loader({ params }: LoaderFunctionArgs) {
  const city = getCityBySlug(getDb(), params.slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
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
  };
}

export default function Stadt() {
  const { city } = useLoaderData<typeof loader>();
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
    </>
  );
}
