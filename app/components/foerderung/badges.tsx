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

/** The programme status as words inside a <StatusLine>: closed and unknown stand out in bold. */
export function ProgrammeStatusText({ status }: { status: string }) {
  const label = (PROGRAMME_STATUS as Record<string, string>)[status] ?? status;
  if (status === "geschlossen") return <strong className="status-fail">Status: {label}</strong>;
  if (status === "unbekannt") return <strong className="status-warn">Status: unbekannt – bitte prüfen</strong>;
  return <>Status: {label}</>;
}

/** "keine Angabe" for empty values – never a guessed value. */
export function OrNone({ children }: { children: React.ReactNode }) {
  const empty = children == null || children === "" || (Array.isArray(children) && children.length === 0);
  return empty ? <span className="muted">keine Angabe</span> : <>{children}</>;
}
