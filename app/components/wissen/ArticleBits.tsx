// Small presentational pieces of the knowledge base (list cards, badges, filter links).
import { Link } from "@remix-run/react";

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
