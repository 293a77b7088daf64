// "Bedingungen auf einen Blick": the conditions of a programme as a definition list. Empty → "keine Angabe".
import { formatDate, formatPercent } from "~/utils/format";
import { OrNone } from "./badges";
import { ExpiryHint } from "~/components/ReviewState";

export type ConditionsData = {
  antragsberechtigt: string[]; // labels
  foerderquote: number | null;
  eigenanteil: number | null;
  kofinanzierung: string | null;
  ausschluss: string[];
  fristen: { bezeichnung: string; datum: string; past: boolean }[];
};

/** `stale`: the programme's review is overdue – the facts that can expire (quota, deadlines) get a hint. */
export function Conditions({ p, stale = false }: { p: ConditionsData; stale?: boolean }) {
  return (
    <dl className="facts conditions">
      <dt>Antragsberechtigt</dt>
      <dd>
        <OrNone>{p.antragsberechtigt.length ? p.antragsberechtigt.join(", ") : null}</OrNone>
      </dd>
      <dt>Förderquote</dt>
      <dd>
        <OrNone>{p.foerderquote != null ? formatPercent(p.foerderquote) : null}</OrNone>
        <ExpiryHint show={stale && p.foerderquote != null} what="Quote" />
      </dd>
      <dt>Eigenanteil</dt>
      <dd>
        <OrNone>{p.eigenanteil != null ? formatPercent(p.eigenanteil) : null}</OrNone>
      </dd>
      <dt>Kofinanzierung</dt>
      <dd>
        <OrNone>{p.kofinanzierung}</OrNone>
      </dd>
      <dt>Ausschluss</dt>
      <dd>
        {p.ausschluss.length ? (
          <ul>
            {p.ausschluss.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        ) : (
          <OrNone>{null}</OrNone>
        )}
      </dd>
      <dt>Fristen</dt>
      <dd>
        {p.fristen.length ? (
          <>
            <ul>
              {p.fristen.map((f) => (
                <li key={`${f.datum}-${f.bezeichnung}`}>
                  <time dateTime={f.datum}>{formatDate(f.datum)}</time>: {f.bezeichnung}
                  {f.past ? <span className="badge deadline-past">abgelaufen</span> : null}
                </li>
              ))}
            </ul>
            <ExpiryHint show={stale && p.fristen.some((f) => !f.past)} what="Frist" />
          </>
        ) : (
          <OrNone>{null}</OrNone>
        )}
      </dd>
    </dl>
  );
}
