import { Link } from "@remix-run/react";

export type Crumb = { label: string; to?: string };

/** The one breadcrumb pattern: nav "Brotkrumen" > ol; the last item is the current page (aria-current, no link). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Brotkrumen" className="breadcrumb no-print">
      <ol>
        {items.map((c, i) =>
          i === items.length - 1 || !c.to ? (
            <li key={i} aria-current={i === items.length - 1 ? "page" : undefined}>
              {c.label}
            </li>
          ) : (
            <li key={i}>
              <Link to={c.to}>{c.label}</Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
