import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { zielRollup } from "~/models/ziel.server";
import { AGGREGATION_LABELS } from "~/utils/taxonomy";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? data.ziel.title : "Ziel nicht gefunden");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const r = zielRollup(getDb(), params.slug ?? "", viewer);
  if (!r) throw new Response("Dieses Ziel gibt es nicht.", { status: 404 });
  const { ziel } = r;
  return {
    ziel: {
      slug: ziel.slug,
      title: ziel.title,
      definition: ziel.definition,
      unit: ziel.unit,
      aggregation: ziel.aggregation,
      targetValue: ziel.targetValue,
      targetDate: ziel.targetDate,
      handlungsfeld: ziel.handlungsfeld,
      demo: ziel.demo,
    },
    total: r.total,
    reporting: r.reporting.map((c) => ({ name: c.city.name, slug: c.city.slug, land: c.city.land, value: c.value, latestDate: c.latestDate, projects: c.projects })),
    missing: r.missing.map((c) => ({ name: c.name, slug: c.slug })),
    canManage: can(viewer, "ziel.manage"),
  };
}

export default function ZielDetail() {
  const { ziel, total, reporting, missing, canManage } = useLoaderData<typeof loader>();
  const agg = AGGREGATION_LABELS[ziel.aggregation];
  return (
    <div>
      <Breadcrumbs items={[{ label: "Ziele", to: "/ziele" }, { label: ziel.title }]} />
      <h1>
        {ziel.title}
        {ziel.demo ? <span className="badge"> Beispiel</span> : null}
      </h1>
      {canManage ? (
        <p>
          <Link to={`/ziele/${ziel.slug}/bearbeiten`}>Ziel bearbeiten</Link>
        </p>
      ) : null}
      <dl className="ziel-facts">
        <dt>Definition</dt>
        <dd>{ziel.definition}</dd>
        <dt>Einheit</dt>
        <dd>{ziel.unit}</dd>
        <dt>Zusammenfassung über die Städte</dt>
        <dd>{agg}</dd>
        <dt>Zielwert</dt>
        <dd>
          {ziel.targetValue == null ? "nicht festgelegt" : `${formatNumber(ziel.targetValue)} ${ziel.unit}`}
          {ziel.targetDate ? ` bis ${formatDate(ziel.targetDate)}` : ""}
        </dd>
        <dt>Handlungsfeld</dt>
        <dd>{HANDLUNGSFELDER[ziel.handlungsfeld as keyof typeof HANDLUNGSFELDER] ?? ziel.handlungsfeld}</dd>
      </dl>

      <h2 id="stand">Stand über alle Städte</h2>
      <p className="ziel-total">
        {total == null ? "Noch keine Stadt meldet einen Wert." : `${agg}: ${formatNumber(total)} ${ziel.unit} (${reporting.length} ${reporting.length === 1 ? "Stadt" : "Städte"})`}
      </p>
      {reporting.length ? (
        <BarChart
          id="ziel-diagramm"
          chart={{
            title: `${ziel.title}: letzte gemeldete Werte je Stadt`,
            unit: ziel.unit,
            source: "Indikatoren der Projekte in der Projektdatenbank",
            categories: reporting.map((c) => c.name),
            series: [{ name: ziel.title, values: reporting.map((c) => c.value) }],
          }}
        />
      ) : null}

      <h2 id="meldungen">Meldungen der Städte</h2>
      {reporting.length ? (
        <div className="table-wrap" role="region" aria-labelledby="meldungen" tabIndex={0}>
          <table className="projekt-table stack-cards">
          <caption>Zugeordnete Projektindikatoren und ihre letzten Werte</caption>
          <thead>
            <tr>
              <th scope="col">Stadt</th>
              <th scope="col">Projekt</th>
              <th scope="col">Indikator</th>
              <th scope="col">Wert</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {reporting.flatMap((c) =>
              c.projects.map((p) => (
                <tr key={`${c.slug}-${p.slug}-${p.indicator}`}>
                  <th scope="row">
                    <Link to={`/staedte/${c.slug}`}>{c.name}</Link>
                  </th>
                  <td data-label="Projekt">
                    <Link to={`/projekte/${p.slug}`}>{p.title}</Link>
                  </td>
                  <td data-label="Indikator">{p.indicator}</td>
                  <td data-label="Wert">
                    {formatNumber(p.value)} {ziel.unit}
                  </td>
                  <td data-label="Stand">{p.date ? formatDate(p.date) : "ohne Datum"}</td>
                </tr>
              )),
            )}
          </tbody>
          </table>
        </div>
      ) : (
        <p>Noch kein Projekt hat einen Indikator diesem Ziel zugeordnet.</p>
      )}

      <h2 id="ohne-meldung">Städte ohne Meldung ({missing.length})</h2>
      {missing.length ? (
        <ul className="ziel-missing">
          {missing.map((c) => (
            <li key={c.slug}>
              <Link to={`/staedte/${c.slug}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>Alle Städte melden einen Wert.</p>
      )}
      <p>
        So melden Sie einen Wert: Ordnen Sie im Projektformular einen Indikator Ihres Projekts diesem Ziel zu und tragen Sie den aktuellen Wert mit Datum ein.
      </p>
    </div>
  );
}
