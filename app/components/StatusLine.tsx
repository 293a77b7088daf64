// One muted line of text per list item instead of many pill badges (issue 16):
// "Praxisbeispiel · Gesundheit · Stand 03.2026 · Dortmund". Empty parts are left out; states that matter
// (überfällig, abgelaufen, Entwurf) are words inside the line – never colour alone.
import { Fragment, type ReactNode } from "react";

export type StatusPart = ReactNode | null | undefined | false;

export function StatusLine({ parts, label }: { parts: StatusPart[]; label?: string }) {
  const shown = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== "");
  if (shown.length === 0) return null;
  return (
    <p className="status-line">
      {label ? <span className="visually-hidden">{label}: </span> : null}
      {shown.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : null}
          {p}
        </Fragment>
      ))}
    </p>
  );
}

/** A word that must stand out in a status line (bold, plus colour): "überfällig", "abgelaufen", "Entwurf". */
export function StatusWord({ tone, children }: { tone: "warn" | "fail" | "ok"; children: ReactNode }) {
  return <strong className={`status-${tone}`}>{children}</strong>;
}
