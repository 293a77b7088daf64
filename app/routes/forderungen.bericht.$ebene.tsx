// A printable one-page report per level, for a meeting with a ministry (print CSS in forderungen.css).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import css from "~/components/forderungen/forderungen.css";
import { EBENE_HEADINGS, FORDERUNG_STATUS, type ForderungStatus } from "~/components/forderungen/labels";
import { listForderungen } from "~/models/forderung.server";
import { getDb } from "~/services/db.server";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { EBENEN, type Ebene } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Bericht: Forderungen an ${data.heading}` : "Bericht nicht gefunden");

export async function loader({ params }: LoaderFunctionArgs) {
  const ebene = params.ebene ?? "";
  if (!(ebene in EBENEN)) throw new Response("Diese Ebene gibt es nicht.", { status: 404 });
  const rows = listForderungen(getDb(), { ebene: ebene as Ebene }).map((r) => ({
    slug: r.slug,
    titel: r.titel,
    text: r.text,
    stelle: r.stelle,
    ls: r.loesungsszenario,
    status: r.status,
    statusDatum: r.statusDatum,
  }));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { ebene, heading: EBENE_HEADINGS[ebene as Ebene], rows, counts, today: todayIso() };
}

export default function Bericht() {
  const { ebene, heading, rows, counts, today } = useLoaderData<typeof loader>();
  return (
    <div className="bericht">
      <Breadcrumbs items={[{ label: "Forderungen", to: "/forderungen" }, { label: `Forderungen an ${heading}`, to: `/forderungen?ebene=${ebene}` }, { label: "Bericht" }]} />
      <h1>Forderungen an {heading}: Stand der nächsten Schritte</h1>
      <p className="lead">
        Aus dem Handlungsrahmen Zuwanderung aus Südosteuropa (KOMM-IN NRW, 2013), Lösungsszenarien 1–6. Städtenetz Südosteuropa, Stand {formatDate(today)}.
      </p>
      <p>
        {rows.length} Forderungen:{" "}
        {Object.entries(FORDERUNG_STATUS)
          .filter(([k]) => counts[k])
          .map(([k, l]) => `${counts[k]} ${l}`)
          .join(" · ")}
        .
      </p>
      {rows.length ? (
        <table className="stack-cards">
          <caption className="visually-hidden">Forderungen an {heading} mit Status</caption>
          <thead>
            <tr>
              <th scope="col">LS</th>
              <th scope="col">Forderung</th>
              <th scope="col">Adressat</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <td className="bericht-ls" data-label="LS">
                  {r.ls}
                </td>
                <td data-label="Forderung">
                  <Link to={`/forderungen/${r.slug}`}>{r.titel}</Link>
                  <div className="bericht-text">{r.text}</div>
                </td>
                <td data-label="Adressat">{r.stelle}</td>
                <td data-label="Status">
                  {FORDERUNG_STATUS[r.status as ForderungStatus]}
                  {r.statusDatum ? ` (${formatDate(r.statusDatum)})` : " – Stand unbekannt"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Für diese Ebene sind keine Forderungen erfasst.</p>
      )}
      <p className="forderung-meta">Verlauf, Nachweise und Quellen je Forderung: /forderungen · Daten unter dl-de/by-2-0: /forderungen/export.csv</p>
    </div>
  );
}
