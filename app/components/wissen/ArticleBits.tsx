// Small presentational pieces of the knowledge base (list cards, badges, filter links).
import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/format";

/** "prüfen bis" badge; turns into a visible "Überprüfung fällig" once the date has passed. */
export function PruefenBadge({ pruefenBis, overdue }: { pruefenBis: string | null; overdue: boolean }) {
  if (!pruefenBis) return null;
  return overdue ? (
    <span className="badge badge--warn">
      <span aria-hidden="true">⚠ </span>Überprüfung fällig (seit {formatDate(pruefenBis)})
    </span>
  ) : (
    <span className="badge">prüfen bis {formatDate(pruefenBis)}</span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  if (status === "veroeffentlicht") return null;
  return <span className="badge badge--fail">{status === "entwurf" ? "Entwurf" : "Archiviert"}</span>;
}

export type FacetOption = { value: string; label: string; count: number; href: string; active: boolean };

/** One filter group as plain links (state lives in the URL; works without JavaScript). */
export function FacetGroup({ title, id, options, allHref, anyActive }: { title: string; id: string; options: FacetOption[]; allHref: string; anyActive: boolean }) {
  return (
    <div className="facet-group">
      <h2 id={id}>{title}</h2>
      <ul aria-labelledby={id}>
        <li>
          <Link to={allHref} aria-current={!anyActive ? "true" : undefined} preventScrollReset>
            Alle
          </Link>
        </li>
        {options.map((o) => (
          <li key={o.value}>
            <Link to={o.href} aria-current={o.active ? "true" : undefined} preventScrollReset>
              {o.label} <span className="facet-count">({o.count}<span className="visually-hidden"> Beiträge</span>)</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
