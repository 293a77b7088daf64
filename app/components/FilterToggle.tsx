import { useEffect, useRef, type ReactNode } from "react";

/**
 * Filters of a list page behind a "Filter (n aktiv)" toggle on phones, so the results come first. A plain <details>:
 * works without JavaScript. From 40rem the filters are always shown (CSS opens the content and hides the summary;
 * with JavaScript the element is also opened, for browsers without ::details-content).
 */
export function FilterToggle({
  active,
  children,
  className,
}: {
  active: number;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 40rem)").matches)
      ref.current.open = true;
  }, []);
  return (
    <details
      ref={ref}
      className={className ? `filter-toggle ${className}` : "filter-toggle"}
    >
      <summary>Filter{active > 0 ? ` (${active} aktiv)` : ""}</summary>
      {children}
    </details>
  );
}
