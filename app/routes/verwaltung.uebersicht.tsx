import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { PROJECT_STATUS } from "~/components/projekte/labels";
import { projectOverview } from "~/models/project.server";
import { requirePermission, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatDate, formatEuro, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Projektübersicht");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "verwaltung.open");
  const o = projectOverview(getDb(), toViewer(user));
  return {
    ...o,
    byStatus: o.byStatus.map((s) => ({ ...s, label: PROJECT_STATUS[s.key as keyof typeof PROJECT_STATUS] })),
    byField: o.byField.map((s) => ({ ...s, label: HANDLUNGSFELDER[s.key as keyof typeof HANDLUNGSFELDER] })),
  };
}

export default function Uebersicht() {
  const o = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Projektübersicht</h1>
      <p>
        Alle {formatNumber(o.total)} Projekte des Städtenetzes auf einen Blick (einschließlich der Projekte nur für Mitglieder). <Link to="/projekte?ansicht=tabelle">Zur Tabelle</Link>
      </p>
      <BarChart
        id="uebersicht-status"
        chart={{ title: "Projekte nach Status", unit: "Anzahl", categories: o.byStatus.map((s) => s.label), series: [{ name: "Projekte", values: o.byStatus.map((s) => s.n) }] }}
      />
      <BarChart
        id="uebersicht-felder"
        chart={{ title: "Projekte nach Handlungsfeld", unit: "Anzahl", categories: o.byField.map((s) => s.label), series: [{ name: "Projekte", values: o.byField.map((s) => s.n) }] }}
      />
      <h2>Projekte nach Stadt</h2>
      <div className="table-wrap" role="region" aria-label="Tabelle: Projekte nach Stadt" tabIndex={0}>
        <table className="stack-cards">
          <caption className="visually-hidden">Projekte je Stadt, federführend und als Partnerstadt</caption>
          <thead>
            <tr>
              <th scope="col">Stadt</th>
              <th scope="col" className="num">
                federführend
              </th>
              <th scope="col" className="num">
                als Partnerstadt
              </th>
            </tr>
          </thead>
          <tbody>
            {o.byCity.map((c) => (
              <tr key={c.slug}>
                <th scope="row">
                  <Link to={`/projekte?stadt=${c.slug}`}>{c.name}</Link>
                </th>
                <td className="num" data-label="federführend">
                  {c.lead}
                </td>
                <td className="num" data-label="als Partnerstadt">
                  {c.partner}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Förderung nach Fonds</h2>
      <div className="table-wrap" role="region" aria-label="Tabelle: Förderung nach Fonds" tabIndex={0}>
        <table className="stack-cards">
          <caption className="visually-hidden">Summe der Förderlinien je Fonds</caption>
          <thead>
            <tr>
              <th scope="col">Fonds</th>
              <th scope="col" className="num">
                Förderlinien
              </th>
              <th scope="col" className="num">
                Förderbetrag
              </th>
              <th scope="col" className="num">
                Eigenanteil
              </th>
            </tr>
          </thead>
          <tbody>
            {o.byFund.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.key === "ohne" ? f.label : <Link to={`/projekte?fonds=${f.key}`}>{f.label}</Link>}</th>
                <td className="num" data-label="Förderlinien">
                  {f.lines}
                </td>
                <td className="num" data-label="Förderbetrag">
                  {formatEuro(f.amount)}
                </td>
                <td className="num" data-label="Eigenanteil">
                  {formatEuro(f.ownShare)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Seit sechs Monaten ohne Aktualisierung</h2>
      <p className="hint">Laufende und geplante Projekte, die seit mehr als sechs Monaten weder bearbeitet noch mit einer Fortschrittsmeldung versehen wurden.</p>
      {o.stale.length === 0 ? (
        <p>Keine – alle offenen Projekte sind aktuell.</p>
      ) : (
        <ul>
          {o.stale.map((p) => (
            <li key={p.slug}>
              <Link to={`/projekte/${p.slug}`}>{p.title}</Link> ({p.leadCity}, {PROJECT_STATUS[p.status as keyof typeof PROJECT_STATUS]}) – zuletzt aktualisiert am{" "}
              {formatDate(p.lastActivityAt)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
