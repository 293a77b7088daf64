// Server-rendered, accessible bar chart: HTML bars with text labels and values, plus the data table in <details>.
// No client-side chart JavaScript; presentation attributes only (the CSP forbids inline styles).
import { formatNumber } from "~/utils/format";

export type ChartData = {
  title: string;
  unit?: string;
  source?: string;
  categories: string[];
  /** `texts`: optional display text per value ("etwa 3.200"), used in the text alternative and the data table */
  series: { name: string; values: (number | null)[]; texts?: (string | null)[] }[];
};

const COLORS = ["#0b4f8a", "#b35900", "#1d5e2f", "#6b2d8a", "#8a0b3a"];

function shown(s: ChartData["series"][number], i: number) {
  return s.texts?.[i] ?? (s.values[i] == null ? "keine Angabe" : formatNumber(s.values[i]!));
}

/**
 * Horizontal bars in HTML: labels and values are real text (≥ 12 px, wrapping, never scaled), each bar a small SVG
 * whose width is a percentage attribute (no inline style under the CSP). The data table sits in a <details>; a chart
 * with a single bar has none (it would only repeat the bar). Without any value the chart collapses to one line.
 * Decision 018.
 */
export function BarChart({ chart, id }: { chart: ChartData; id: string }) {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const hasValue = chart.series.some((s) => s.values.some((v) => v != null));
  const single = chart.categories.length * chart.series.length <= 1;
  const multi = chart.series.length > 1;
  return (
    <figure className="chart" aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`}>
        <strong>{chart.title}</strong>
        {chart.unit ? ` (${chart.unit})` : ""}
      </figcaption>
      {!hasValue ? (
        <p className="muted chart-empty">noch nicht ausgefüllt</p>
      ) : (
        <>
          {multi ? (
            <ul className="chart-legend" aria-hidden="true">
              {chart.series.map((s, si) => (
                <li key={s.name}>
                  <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
                    <rect width="14" height="14" fill={COLORS[si % COLORS.length]} />
                  </svg>{" "}
                  {s.name}
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="hbars">
            {chart.categories.map((cat, ci) => (
              <li key={`${ci}-${cat}`} className="hbars__item">
                <span className="hbars__label">{cat}</span>
                {chart.series.map((s, si) => {
                  const v = s.values[ci];
                  const pct = v == null ? 0 : Math.max(0.5, (v / max) * 100);
                  return (
                    <span key={s.name} className="hbars__row">
                      <svg className="hbars__bar" width="100%" height="18" focusable="false" aria-hidden="true">
                        <rect x="0" y="0" width={`${pct.toFixed(1)}%`} height="18" fill={COLORS[si % COLORS.length]} />
                      </svg>
                      <span className="hbars__value">
                        {multi ? <span className="visually-hidden">{s.name}: </span> : null}
                        {shown(s, ci)}
                      </span>
                    </span>
                  );
                })}
              </li>
            ))}
          </ul>
          {single ? null : (
            <details className="chart-table">
              <summary>Daten als Tabelle</summary>
              <div className="table-wrap" role="region" aria-label={`Daten zum Diagramm „${chart.title}“`} tabIndex={0}>
                <table className="stack-cards">
                  <caption>Daten zum Diagramm „{chart.title}“</caption>
                  <thead>
                    <tr>
                      <th scope="col">{multi ? "Kategorie" : "Wert für"}</th>
                      {chart.series.map((s) => (
                        <th key={s.name} scope="col" className="num">
                          {s.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {chart.categories.map((c, ci) => (
                      <tr key={`${ci}-${c}`}>
                        <th scope="row">{c}</th>
                        {chart.series.map((s) => (
                          <td key={s.name} className="num" data-label={s.name}>
                            {shown(s, ci)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
      {chart.source ? <p className="chart-source">Quelle: {chart.source}</p> : null}
    </figure>
  );
}
