import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form";
import { StandMarker } from "~/components/ReviewState";
import { listProgrammeSummaries } from "~/models/programme.server";
import { getDb } from "~/services/db.server";
import { getUser, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { parseFinderAnswers, rankProgrammes, VERDICT_LABEL, type Level } from "~/utils/finder";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { ANTRAGSBERECHTIGT, HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Passt das Programm? – Förder-Finder");

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: the finder reads only public programme data and stores nothing.
  const url = new URL(request.url);
  const { answers, errors, asked } = parseFinderAnswers(url.searchParams);
  const today = todayIso();
  const values = {
    wer: url.searchParams.get("wer") ?? "",
    feld: url.searchParams.get("feld") ?? "",
    eigenmittel: (url.searchParams.get("eigenmittel") ?? "").slice(0, 20),
    kofinanzierung: url.searchParams.get("kofinanzierung") ?? "",
    ab: (url.searchParams.get("ab") ?? "").slice(0, 10),
  };
  const redaktion = can(toViewer(await getUser(request)), "content.review");
  const all = asked ? listProgrammeSummaries(getDb()) : [];
  const standOf = new Map(all.map((p) => [p.slug, p.stand]));
  const results = asked
    ? rankProgrammes(all, answers, today).map((r) => ({
        slug: r.slug,
        title: r.title,
        kurz: r.kurz,
        fonds: r.fonds,
        verdict: r.verdict,
        reasons: r.reasons,
        labels: r.labels,
        nextDeadline: r.nextDeadline,
        stale: r.stale ? r.pruefenBis : null,
        stand: standOf.get(r.slug) ?? null,
      }))
    : null;
  return { values, errors, results, redaktion };
}

const LEVEL_TEXT: Record<Level, { sign: string; sr: string }> = {
  ok: { sign: "✓", sr: "erfüllt: " },
  bedingt: { sign: "!", sr: "zu prüfen: " },
  nicht: { sign: "✗", sr: "nicht erfüllt: " },
  info: { sign: "i", sr: "Hinweis: " },
};

export default function Finder() {
  const { values, errors, results, redaktion } = useLoaderData<typeof loader>();
  const hasErrors = Object.keys(errors).length > 0;
  const tally = results
    ? { passt: results.filter((r) => r.verdict === "passt").length, bedingt: results.filter((r) => r.verdict === "bedingt").length, nicht: results.filter((r) => r.verdict === "nicht").length }
    : null;
  return (
    <>
      <p>
        <Link to="/foerderung">Alle Förderprogramme</Link>
      </p>
      <h1>Passt das Programm?</h1>
      <p className="lead">
        Fünf Fragen, dann sehen Sie für jedes Programm im Förderwegweiser, ob es passt – und warum oder warum nicht. Die Angaben werden nicht gespeichert.
      </p>
      <ErrorSummary errors={hasErrors ? errors : null} labels={{ wer: "Wer stellt den Antrag?", feld: "Handlungsfeld", eigenmittel: "Eigenmittel", ab: "Geld benötigt ab" }} />
      <Form method="get" action="/foerderung/finder" className="finder-form narrow">
        <SelectField
          name="wer"
          label="Wer stellt den Antrag?"
          options={[{ value: "", label: "bitte wählen (alle)" }, ...Object.entries(ANTRAGSBERECHTIGT).map(([value, label]) => ({ value, label }))]}
          defaultValue={values.wer}
          errors={errors}
        />
        <SelectField
          name="feld"
          label="In welchem Handlungsfeld?"
          options={[{ value: "", label: "bitte wählen (alle)" }, ...Object.entries(HANDLUNGSFELDER).map(([value, label]) => ({ value, label }))]}
          defaultValue={values.feld}
          errors={errors}
        />
        <TextField
          name="eigenmittel"
          label="Wie viel Eigenmittel haben Sie (in Prozent der Kosten)?"
          hint="Eine Zahl von 0 bis 100, z. B. 10. Leer lassen, wenn Sie es nicht wissen."
          inputMode="decimal"
          defaultValue={values.eigenmittel}
          errors={errors}
          className="input-short"
        />
        <fieldset>
          <legend>Gibt es eine Kofinanzierung aus einer anderen Quelle (z. B. Kommune, Jobcenter, Stiftung)?</legend>
          {[
            ["ja", "ja"],
            ["nein", "nein"],
            ["", "weiß nicht"],
          ].map(([v, l]) => (
            <div className="checkbox" key={l}>
              <input type="radio" id={`kofi-${l.replace(/\W+/g, "-")}`} name="kofinanzierung" value={v} defaultChecked={values.kofinanzierung === v} />
              <label htmlFor={`kofi-${l.replace(/\W+/g, "-")}`}>{l}</label>
            </div>
          ))}
        </fieldset>
        <TextField name="ab" type="date" label="Ab wann brauchen Sie das Geld?" hint="Datum, z. B. 01.03.2027. Leer lassen, wenn offen." defaultValue={values.ab} errors={errors} />
        <button type="submit">Programme prüfen</button>
      </Form>

      {results && tally ? (
        <section aria-labelledby="finder-ergebnis">
          <h2 id="finder-ergebnis" aria-live="polite" aria-atomic="true">
            {results.length} Programme geprüft: {tally.passt} passen, {tally.bedingt} passen bedingt, {tally.nicht} passen nicht
          </h2>
          <ol className="finder-results">
            {results.map((r) => (
              <li key={r.slug} className={`finder-result finder-result--${r.verdict}`} data-slug={r.slug} data-verdict={r.verdict}>
                <h3>
                  <Link to={`/foerderung/${r.slug}`}>{r.title}</Link>
                </h3>
                <ul className="badges">
                  <li className={`badge verdict verdict--${r.verdict}`}>{VERDICT_LABEL[r.verdict]}</li>
                  <li className="badge">Fonds: {r.fonds}</li>
                  {r.labels.map((l) => (
                    <li key={l} className={l === "geschlossen" || l === "Frist abgelaufen" ? "badge badge--fail" : "badge badge--warn"}>
                      {l}
                    </li>
                  ))}
                  {r.stale ? (
                    <li>
                      <StandMarker stand={r.stand} pruefenBis={r.stale} overdue redaktion={redaktion} />
                    </li>
                  ) : null}
                </ul>
                <ul className="reasons">
                  {r.reasons.map((x) => (
                    <li key={x.text} className={`reason reason--${x.level}`}>
                      <span aria-hidden="true" className="reason-sign">
                        {LEVEL_TEXT[x.level].sign}
                      </span>
                      <span className="visually-hidden">{LEVEL_TEXT[x.level].sr}</span>
                      {x.text}
                    </li>
                  ))}
                </ul>
                {r.nextDeadline ? (
                  <p className="muted">
                    Nächste Frist: {formatDate(r.nextDeadline.datum)} ({r.nextDeadline.bezeichnung})
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
