// Calm staleness (issue 13): one marker per entry. Redaktion sees an overdue review prominently; everyone
// else sees one calm line "Stand: … · wird überprüft", plus a short hint only next to the facts that can
// expire (deadlines, funding rate, status). The one marker carries `data-stale`; fact hints `data-stale-fact`.
import { formatDate } from "~/utils/format";
import type { ReviewState } from "~/utils/review";

/** The single staleness marker of an entry: Stand, and – when overdue – who sees what. */
export function StandMarker({
  stand,
  pruefenBis,
  overdue,
  redaktion,
  inline = false,
}: {
  stand: string | null;
  pruefenBis: string | null;
  overdue: boolean;
  redaktion: boolean;
  /** as plain text inside a <StatusLine> (list items) instead of a badge */
  inline?: boolean;
}) {
  if (inline) {
    if (overdue && redaktion)
      return (
        <strong className="status-warn" data-stale="">
          <span aria-hidden="true">⚠ </span>Prüfung überfällig seit {formatDate(pruefenBis)} · Stand {formatDate(stand)}
        </strong>
      );
    if (overdue) return <span data-stale="">Stand: {formatDate(stand)} · wird überprüft</span>;
    return stand ? <span>Stand {formatDate(stand)}</span> : null;
  }
  if (overdue && redaktion)
    return (
      <span className="badge badge--warn stale-badge" data-stale="">
        Prüfung überfällig seit {formatDate(pruefenBis)} · Stand {formatDate(stand)}
      </span>
    );
  if (overdue)
    return (
      <span className="stand-line" data-stale="">
        Stand: {formatDate(stand)} · wird überprüft
      </span>
    );
  return <span className="badge badge--stand">Stand {formatDate(stand)}</span>;
}

/** Next to a fact that can expire, shown only while the entry's review is overdue. */
export function ExpiryHint({ show, what = "Angabe" }: { show: boolean; what?: string }) {
  if (!show) return null;
  return (
    <span className="expiry-hint" data-stale-fact="">
      {" "}
      <span aria-hidden="true">⚠ </span>
      {what} bitte bei der Förderstelle bestätigen
    </span>
  );
}

/** Review state for Redaktion lists (Meine Prüfungen, Prüfung). */
export function ReviewStateText({ state, pruefenBis }: { state: ReviewState; pruefenBis: string | null }) {
  if (!pruefenBis) return <span className="badge">ohne Prüfdatum</span>;
  if (state === "ueberfaellig")
    return (
      <span className="badge badge--warn" data-stale="">
        <span aria-hidden="true">⚠ </span>überfällig seit {formatDate(pruefenBis)}
      </span>
    );
  if (state === "bald") return <span className="badge badge--warn">fällig bis {formatDate(pruefenBis)}</span>;
  return <span className="badge">prüfen bis {formatDate(pruefenBis)}</span>;
}
