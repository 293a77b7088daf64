import { formatDate } from "~/utils/format";
import { PROGRAMME_STATUS } from "~/utils/taxonomy";

const STATUS_CLASS: Record<string, string> = {
  offen: "badge badge--ok",
  laufend: "badge badge--ok",
  geschlossen: "badge badge--fail",
  unbekannt: "badge badge--warn",
};

export function StatusBadge({ status }: { status: string }) {
  const label = (PROGRAMME_STATUS as Record<string, string>)[status] ?? status;
  return <span className={STATUS_CLASS[status] ?? "badge"}>Status: {status === "unbekannt" ? "unbekannt – bitte prüfen" : label}</span>;
}

/** Shown when `pruefen_bis` has passed: the entry is due for review and may be out of date. */
export function StaleBadge({ pruefenBis }: { pruefenBis: string }) {
  return (
    <span className="badge badge--warn stale-badge" data-stale="">
      Prüfung überfällig seit {formatDate(pruefenBis)} – Angaben evtl. veraltet
    </span>
  );
}

/** "keine Angabe" for empty values – never a guessed value. */
export function OrNone({ children }: { children: React.ReactNode }) {
  const empty = children == null || children === "" || (Array.isArray(children) && children.length === 0);
  return empty ? <span className="muted">keine Angabe</span> : <>{children}</>;
}
