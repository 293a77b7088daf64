import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/BarChart";
import { PROJECT_STATUS } from "~/components/projekte/labels";
import { listCitiesWithFigures } from "~/models/city.server";
import { cityProjectStats } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Städte vergleichen");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const url = new URL(request.url);
  const wanted = [...new Set(url.searchParams.getAll("stadt"))];
  const all = listCitiesWithFigures(db);
  const selected = wanted.map((s) => all.find((c) => c.slug === s)).filter((c): c is (typeof all)[number] => !!c);
  const error =
    url.searchParams.has("stadt") && selected.length < 2
      ? "Bitte wählen Sie mindestens zwei Städte."
      : selected.length > 5
        ? "Bitte wählen Sie höchstens fünf Städte."
        : null;
  const shown = error ? [] : selected;
  const stats = cityProjectStats(db, viewer);
  // figure rows: every key any selected city has, in first-seen order
  const keys: { key: string; label: string }[] = [];
  for (const c of shown) for (const f of c.figures) if (!keys.some((k) => k.key === f.seriesKey)) keys.push({ key: f.seriesKey, label: f.longLabel });
  const registered = shown.map((c) => c.figures.find((f) => f.seriesKey === "bg-ro-gemeldet") ?? null);
  return {
    error,
    all: all.map((c) => ({ slug: c.slug, name: c.name, land: c.land })),
    selected: shown.map((c) => ({ slug: c.slug, name: c.name, land: c.land })),
    wanted,
    figureRows: keys.map((k) => ({
      key: k.key,
      label: k.label,
      cells: shown.map((c) => {
        const f = c.figures.find((x) => x.seriesKey === k.key);
        return f ? { text: f.text, asOfText: f.asOfText, source: f.source } : null;
      }),
    })),
    projectRows: [
      { label: "Projekte insgesamt", cells: shown.map((c) => stats.get(c.slug)?.total ?? 0) },
      { label: "davon federführend", cells: shown.map((c) => stats.get(c.slug)?.lead ?? 0) },
      ...Object.entries(PROJECT_STATUS).map(([k, l]) => ({ label: `Status: ${l}`, cells: shown.map((c) => stats.get(c.slug)?.status[k] ?? 0) })),
    ],
    fieldChart:
      shown.length > 0
        ? {
            title: "Projekte nach Handlungsfeld",
            unit: "Anzahl Projekte",
            categories: Object.values(HANDLUNGSFELDER),
            series: shown.map((c) => ({ name: c.name, values: Object.keys(HANDLUNGSFELDER).map((f) => stats.get(c.slug)?.fields[f] ?? 0) })),
          }
        : null,
    registeredChart: registered.some(Boolean)
      ? {
          title: `Gemeldete Menschen aus Bulgarien und Rumänien (Stand: ${[...new Set(registered.filter(Boolean).map((f) => f!.asOfText))].join(", ")})`,
          unit: "Personen",
          source: registered.find(Boolean)!.source,
          categories: shown.map((c) => c.name),
          series: [{ name: "Gemeldete Personen", values: registered.map((f) => f?.value ?? null), texts: registered.map((f) => f?.text ?? null) }],
        }
      : null,
  };
}

export default function Vergleich() {
  const { error, all, selected, wanted, figureRows, projectRows, fieldChart, registeredChart } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staedte">Alle Städte</Link>
      </p>
      <h1>Städte vergleichen</h1>
      <Form method="get" action="/staedte/vergleich" noValidate>
        <fieldset aria-describedby={error ? "vergleich-fehler" : undefined} className={error ? "field--error" : undefined}>
          <legend>Wählen Sie zwei bis fünf Städte</legend>
          {error ? (
            <p className="field-error" id="vergleich-fehler" role="alert">
              {error}
            </p>
          ) : null}
          <div className="projekt-checks">
            {all.map((c) => (
              <div className="checkbox" key={c.slug}>
                <input type="checkbox" id={`stadt-${c.slug}`} name="stadt" value={c.slug} defaultChecked={wanted.includes(c.slug)} />
                <label htmlFor={`stadt-${c.slug}`}>{c.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit">Vergleichen</button>
      </Form>
      {selected.length >= 2 ? (
        <>
          {new Set(selected.map((c) => c.land)).size > 1 ? (
            <p className="notice">
              Vergleich über Ländergrenzen ({[...new Set(selected.map((c) => `${c.land}: ${selected.filter((x) => x.land === c.land).map((x) => x.name).join(", ")}`))].join("; ")}).
              Kennzahlen verschiedener Länder können unterschiedlich erhoben sein – beachten Sie Stand und Quelle.
            </p>
          ) : null}
          <h2>Kennzahlen</h2>
          {figureRows.length === 0 ? (
            <p>Für diese Städte sind keine Kennzahlen erfasst.</p>
          ) : (
            <div className="table-wrap" role="region" aria-label="Kennzahlen" tabIndex={0}>
              <table className="stack-cards">
                <caption>Kennzahlen mit Stand; Quellen unter der Tabelle</caption>
                <thead>
                  <tr>
                    <th scope="col">Kennzahl</th>
                    {selected.map((c) => (
                      <th scope="col" key={c.slug}>
                        {c.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {figureRows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      {r.cells.map((f, i) => (
                        <td key={i} data-label={selected[i]?.name}>
                          {f ? (
                            <>
                              {f.text} <span className="muted">(Stand: {f.asOfText})</span>
                            </>
                          ) : (
                            "nicht erfasst"
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {figureRows.length > 0 ? (
            <p className="chart-source">
              Quellen: {[...new Set(figureRows.flatMap((r) => r.cells.filter(Boolean).map((f) => f!.source)))].join("; ")}
            </p>
          ) : null}
          {registeredChart ? <BarChart id="vergleich-gemeldet" chart={registeredChart} /> : null}
          <h2>Projekte</h2>
          <div className="table-wrap" role="region" aria-label="Projekte je Stadt" tabIndex={0}>
            <table className="stack-cards">
              <caption className="visually-hidden">Projekte je Stadt nach Status</caption>
              <thead>
                <tr>
                  <th scope="col">Projekte</th>
                  {selected.map((c) => (
                    <th scope="col" key={c.slug} className="num">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {projectRows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {r.cells.map((n, i) => (
                      <td key={i} className="num" data-label={selected[i]?.name}>
                        {formatNumber(n)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {fieldChart ? <BarChart id="vergleich-felder" chart={fieldChart} /> : null}
        </>
      ) : null}
    </>
  );
}
