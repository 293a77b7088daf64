// Programme experience on the programme page: only the aggregate, only from MIN_RATINGS projects and cities on.
import { formatNumber } from "~/utils/format";

export type RatingSummaryData =
  | { shown: false; count: number; min: number }
  | {
      shown: true;
      count: number;
      min: number;
      effortApplication: number;
      effortProof: number;
      decisionMonths: number;
      wouldUseAgain: number;
      texts: { text: string; city: string; year: number }[];
    };

export function RatingSummary({ summary }: { summary: RatingSummaryData }) {
  return (
    <section aria-labelledby="erfahrungen" className="rating-summary">
      <h2 id="erfahrungen">Erfahrungen der Städte</h2>
      {!summary.shown ? (
        <p>
          {summary.count === 0 ? "Noch keine Bewertungen." : `Bisher ${summary.count === 1 ? "eine Bewertung" : `${summary.count} Bewertungen`}.`} Bewertungen
          erscheinen ab {summary.min} Projekten aus {summary.min} Städten, damit keine einzelne Stadt erkennbar ist.
        </p>
      ) : (
        <>
          <p>
            Durchschnitt aus {summary.count} Bewertungen abgeschlossener oder abgebrochener Projekte (Aufwand von 1 = sehr gering bis 5 = sehr hoch).
          </p>
          <dl className="facts">
            <dt>Aufwand für den Antrag</dt>
            <dd>{formatNumber(summary.effortApplication)} von 5</dd>
            <dt>Aufwand für den Verwendungsnachweis</dt>
            <dd>{formatNumber(summary.effortProof)} von 5</dd>
            <dt>Zeit bis zur Entscheidung</dt>
            <dd>{formatNumber(summary.decisionMonths)} Monate</dd>
            <dt>Würden es wieder nutzen</dt>
            <dd>
              {summary.wouldUseAgain} von {summary.count}
            </dd>
          </dl>
          {summary.texts.length ? (
            <ul className="rating-texts">
              {summary.texts.map((t, i) => (
                <li key={i}>
                  <blockquote>
                    <p>{t.text}</p>
                  </blockquote>
                  <p className="muted">
                    {t.city}, {t.year}
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
