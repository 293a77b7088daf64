import { HANDLUNGSFELDER } from "~/utils/taxonomy";

export const CLEARING_LABELS: Record<string, string> = {
  offen: "offen",
  "an-clearingstelle": "an Clearingstelle",
  "in-klaerung": "in Klärung",
  geklaert: "geklärt",
  abgelehnt: "abgelehnt",
};

export function StatusBadge({ status }: { status: string }) {
  const cls = status === "geklaert" ? "badge badge--ok" : status === "abgelehnt" ? "badge badge--fail" : status === "offen" ? "badge" : "badge badge--warn";
  return (
    <span className={cls}>
      <span className="visually-hidden">Status: </span>
      {CLEARING_LABELS[status] ?? status}
    </span>
  );
}

/** What a topic is about: Handlungsfelder, cities and the Clearingstelle status. */
export function TopicMeta({ handlungsfelder, staedte, status, cityNames, accepted }: { handlungsfelder: string[]; staedte: string[]; status: string; cityNames: Record<string, string>; accepted?: boolean }) {
  return (
    <ul className="badges" aria-label="Worum es geht">
      {handlungsfelder.map((h) => (
        <li key={h} className="badge">
          <span className="visually-hidden">Handlungsfeld: </span>
          {HANDLUNGSFELDER[h as keyof typeof HANDLUNGSFELDER] ?? h}
        </li>
      ))}
      {staedte.map((s) => (
        <li key={s} className="badge">
          <span className="visually-hidden">Stadt: </span>
          {cityNames[s] ?? s}
        </li>
      ))}
      <li>
        <StatusBadge status={status} />
      </li>
      {accepted ? (
        <li className="badge badge--ok">beantwortet</li>
      ) : null}
    </ul>
  );
}

export function Pager({ page, pages, href, label }: { page: number; pages: number; href: (p: number) => string; label: string }) {
  if (pages <= 1) return null;
  const nums = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={label}>
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              Vorherige Seite
            </a>
          </li>
        ) : null}
        {nums.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className="pagination-current">
                Seite {n}
              </span>
            ) : (
              <a href={href(n)}>Seite {n}</a>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Nächste Seite
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export const SUB_LABELS: Record<string, string> = {
  watch: "Beobachten (jeder neue Beitrag)",
  follow: "Folgen (neue Themen und Statusänderungen)",
  mute: "Stummschalten",
  none: "Normal (nur Erwähnungen und Antworten an mich)",
};
