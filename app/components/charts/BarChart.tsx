// Server-rendered, accessible bar chart: SVG (role="img" with a text alternative) plus the data table.
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

export function BarChart({ chart, id }: { chart: ChartData; id: string }) {
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const groupW = 100;
  const barW = Math.max(8, Math.floor(70 / chart.series.length));
  const height = 220;
  const top = 20;
  const left = 10;
  const width = left + chart.categories.length * groupW + 10;
  const scale = (v: number) => (v / max) * (height - top - 30);
  const desc = chart.series
    .map((s) => `${s.name}: ${chart.categories.map((c, i) => `${c} ${s.texts?.[i] ?? (s.values[i] == null ? "keine Angabe" : formatNumber(s.values[i]!))}`).join(", ")}`)
    .join("; ");
  return (
    <figure className="chart" aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`}>
        <strong>{chart.title}</strong>
        {chart.unit ? ` (${chart.unit})` : ""}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-labelledby={`${id}-titel ${id}-desc`} className="chart-svg">
        <desc id={`${id}-desc`}>{desc}</desc>
        <line x1={left} y1={height - 30 + top / 2} x2={width - 5} y2={height - 30 + top / 2} stroke="#4a5360" strokeWidth="1" />
        {chart.categories.map((cat, ci) => (
          <g key={`${ci}-${cat}`}>
            {chart.series.map((s, si) => {
              const v = s.values[ci] ?? 0;
              const h = scale(v);
              const x = left + ci * groupW + 10 + si * barW;
              const y = height - 30 + top / 2 - h;
              return <rect key={s.name} x={x} y={y} width={barW - 2} height={h} fill={COLORS[si % COLORS.length]} />;
            })}
            <text x={left + ci * groupW + 10 + (chart.series.length * barW) / 2} y={height + 5} textAnchor="middle" fontSize="13" fill="#1b1f24">
              {cat}
            </text>
          </g>
        ))}
      </svg>
      {chart.series.length > 1 ? (
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
      <div className="table-wrap" role="region" aria-labelledby={`${id}-daten`} tabIndex={0}>
        <table>
          <caption id={`${id}-daten`}>Daten zum Diagramm „{chart.title}“</caption>
          <thead>
            <tr>
              <th scope="col">Reihe</th>
              {chart.categories.map((c) => (
                <th key={c} scope="col" className="num">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.series.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {s.values.map((v, i) => (
                  <td key={i} className="num">
                    {s.texts?.[i] ?? (v == null ? "keine Angabe" : formatNumber(v))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.source ? <p className="chart-source">Quelle: {chart.source}</p> : null}
    </figure>
  );
}
