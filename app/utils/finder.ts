// "Passt das Programm?" – the eligibility finder. Pure (no database, no clock: `today` is passed in), so it
// is unit-tested case by case against the real corpus. Every verdict names the condition behind it; unknown
// values never count as a fit ("keine Angabe" → "passt bedingt" where it matters).
import { formatDate, formatPercent } from "./format";
import type { FacetProgramme } from "./programme-facets";
import { ANTRAGSBERECHTIGT, FONDS, HANDLUNGSFELDER, PROGRAMME_STATUS } from "./taxonomy";

export type FinderAnswers = {
  /** who applies: a key of ANTRAGSBERECHTIGT */
  wer?: string | null;
  /** Handlungsfeld key */
  feld?: string | null;
  /** own money available, percent 0..100 */
  eigenmittel?: number | null;
  /** co-financing from another source: true / false / unknown (null) */
  kofinanzierung?: boolean | null;
  /** when the money is needed (ISO date) */
  ab?: string | null;
};

export type Level = "ok" | "bedingt" | "nicht" | "info";
export type Reason = { level: Level; text: string };
export type Verdict = "passt" | "bedingt" | "nicht";
export const VERDICT_LABEL: Record<Verdict, string> = { passt: "passt", bedingt: "passt bedingt", nicht: "passt nicht" };

export type FinderResult = {
  slug: string;
  title: string;
  kurz: string;
  fonds: string;
  status: string;
  verdict: Verdict;
  reasons: Reason[];
  /** prominent labels: "geschlossen", "Frist abgelaufen", "Status unbekannt – bitte prüfen" */
  labels: string[];
  nextDeadline: { bezeichnung: string; datum: string } | null;
  stale: boolean;
  pruefenBis: string | null;
};

/** Plural labels for "nur für …". */
const WHO_PLURAL: Record<string, string> = {
  kommune: "Kommunen",
  "freier-traeger": "freie Träger",
  verein: "Vereine",
  unternehmen: "Unternehmen",
  bildungstraeger: "Bildungsträger",
  jobcenter: "Jobcenter",
  land: "Länder",
  hochschule: "Hochschulen",
  stiftung: "Stiftungen",
  privatperson: "Privatpersonen",
};

const joinDe = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} und ${items[items.length - 1]}`);
const pct = (fraction: number) => formatPercent(fraction);
/** Rounds away floating-point noise (1 - 0.9 = 0.0999…). */
const round4 = (n: number) => Math.round(n * 10000) / 10000;

export function evaluateProgramme(p: FacetProgramme, a: FinderAnswers, today: string): FinderResult {
  const reasons: Reason[] = [];
  const labels: string[] = [];
  const add = (level: Level, text: string) => reasons.push({ level, text });

  // 1. Status
  if (p.status === "geschlossen") {
    add("nicht", "Programm ist geschlossen");
    labels.push("geschlossen");
  } else if (p.status === "unbekannt") {
    add("bedingt", "Status unbekannt – bitte prüfen");
    labels.push("Status unbekannt – bitte prüfen");
  } else {
    add("ok", `Status: ${PROGRAMME_STATUS[p.status]}`);
  }

  // 2. Runtime and the date the money is needed
  const need = a.ab && a.ab > today ? a.ab : today;
  if (p.laufzeitBis && p.laufzeitBis < today) {
    add("nicht", `Laufzeit endete am ${formatDate(p.laufzeitBis)}`);
  } else if (p.laufzeitBis && a.ab && p.laufzeitBis < need) {
    add("nicht", `läuft nur bis ${formatDate(p.laufzeitBis)} – Sie brauchen das Geld ab ${formatDate(need)}`);
  } else if (p.laufzeitBis && a.ab) {
    add("ok", `läuft bis ${formatDate(p.laufzeitBis)}`);
  }
  if (p.laufzeitVon && p.laufzeitVon > need) add("bedingt", `beginnt erst am ${formatDate(p.laufzeitVon)}`);

  // 3. Deadlines
  const upcoming = p.fristen.filter((f) => f.datum >= today).sort((x, y) => x.datum.localeCompare(y.datum));
  const nextDeadline = upcoming[0] ?? null;
  if (p.fristen.length > 0 && !nextDeadline) {
    const last = [...p.fristen].sort((x, y) => y.datum.localeCompare(x.datum))[0];
    labels.push("Frist abgelaufen");
    if (p.status !== "geschlossen") add("bedingt", `letzte Frist abgelaufen (${last.bezeichnung}, ${formatDate(last.datum)}) – nächste Runde bitte prüfen`);
  } else if (nextDeadline) {
    if (a.ab && nextDeadline.datum > need) {
      add("bedingt", `nächste Frist erst am ${formatDate(nextDeadline.datum)} – Sie brauchen das Geld ab ${formatDate(need)}`);
    } else {
      add("ok", `nächste Frist: ${nextDeadline.bezeichnung} am ${formatDate(nextDeadline.datum)}`);
    }
  }

  // 4. Who may apply
  if (a.wer) {
    const whoLabel = (ANTRAGSBERECHTIGT as Record<string, string>)[a.wer] ?? a.wer;
    if (p.antragsberechtigt.length === 0) add("bedingt", "Antragsberechtigte: keine Angabe – bitte prüfen");
    else if (!p.antragsberechtigt.includes(a.wer))
      add("nicht", `nur für ${joinDe(p.antragsberechtigt.map((w) => WHO_PLURAL[w] ?? w))}`);
    else add("ok", `antragsberechtigt: ${whoLabel}`);
  }

  // 5. Handlungsfeld
  if (a.feld) {
    const feldLabel = (HANDLUNGSFELDER as Record<string, string>)[a.feld] ?? a.feld;
    if (p.handlungsfelder.length === 0) add("bedingt", "Handlungsfelder: keine Angabe – bitte prüfen");
    else if (!p.handlungsfelder.includes(a.feld))
      add(
        "nicht",
        `fördert nicht im Handlungsfeld ${feldLabel} (nur ${joinDe(p.handlungsfelder.map((h) => (HANDLUNGSFELDER as Record<string, string>)[h] ?? h))})`,
      );
    else add("ok", `Handlungsfeld ${feldLabel}`);
  }

  // 6. Own money and co-financing
  if (a.eigenmittel != null) {
    const own = Math.min(1, Math.max(0, a.eigenmittel / 100));
    const ownText = `Sie haben ${pct(own)}`;
    const kofi = a.kofinanzierung === true;
    if (p.eigenanteil != null) {
      const e = round4(p.eigenanteil);
      if (e === 0) add("ok", "kein Eigenanteil nötig");
      else if (own >= e) add("ok", `Eigenanteil ${pct(e)} nötig – ${ownText}`);
      else if (kofi) add("bedingt", `Eigenanteil ${pct(e)} nötig – ${ownText}; passt nur, wenn Ihre Kofinanzierung als Eigenanteil anerkannt wird`);
      else add("nicht", `Eigenanteil ${pct(e)} nötig – ${ownText}`);
    } else if (p.foerderquote != null) {
      const gap = round4(1 - p.foerderquote);
      if (gap <= 0) add("ok", `Förderquote ${pct(p.foerderquote)}`);
      else if (own >= gap) add("ok", `Förderquote ${pct(p.foerderquote)} – die übrigen ${pct(gap)} decken Ihre Eigenmittel (${pct(own)})`);
      else if (kofi) add("bedingt", `Förderquote ${pct(p.foerderquote)} – ${pct(gap)} müssten aus Ihrer Kofinanzierung kommen (${ownText} Eigenmittel)`);
      else add("nicht", `Förderquote ${pct(p.foerderquote)} – ${pct(gap)} müssen Sie selbst oder über Kofinanzierung aufbringen; ${ownText} und keine Kofinanzierung`);
    } else if (own === 0 && !kofi) {
      add("bedingt", "Eigenanteil: keine Angabe – ob es ohne Eigenmittel geht, bitte in der Förderrichtlinie prüfen");
    } else {
      add("info", "Eigenanteil: keine Angabe");
    }
  }

  const verdict: Verdict = reasons.some((r) => r.level === "nicht") ? "nicht" : reasons.some((r) => r.level === "bedingt") ? "bedingt" : "passt";
  return {
    slug: p.slug,
    title: p.title,
    kurz: p.kurz,
    fonds: (FONDS as Record<string, string>)[p.fonds] ?? p.fonds,
    status: p.status,
    verdict,
    reasons,
    labels,
    nextDeadline,
    stale: !!p.pruefenBis && p.pruefenBis < today,
    pruefenBis: p.pruefenBis,
  };
}

const VERDICT_ORDER: Record<Verdict, number> = { passt: 0, bedingt: 1, nicht: 2 };
const count = (r: FinderResult, level: Level) => r.reasons.filter((x) => x.level === level).length;

/** Compare for ranking: verdict, then fewer blocking / conditional reasons, then title, then slug. */
export function compareResults(x: FinderResult, y: FinderResult): number {
  return (
    VERDICT_ORDER[x.verdict] - VERDICT_ORDER[y.verdict] ||
    count(x, "nicht") - count(y, "nicht") ||
    count(x, "bedingt") - count(y, "bedingt") ||
    x.title.localeCompare(y.title, "de") ||
    (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0)
  );
}

/** The ranked answer of the finder. */
export function rankProgrammes(programmes: FacetProgramme[], answers: FinderAnswers, today: string): FinderResult[] {
  return programmes.map((p) => evaluateProgramme(p, answers, today)).sort(compareResults);
}

/** Reads the finder's GET form; invalid values become "not answered" (with a message for the page). */
export function parseFinderAnswers(params: URLSearchParams): { answers: FinderAnswers; errors: Record<string, string>; asked: boolean } {
  const errors: Record<string, string> = {};
  const wer = params.get("wer") || null;
  const feld = params.get("feld") || null;
  const eigenRaw = (params.get("eigenmittel") ?? "").trim().replace(",", ".").replace(/\s*%$/, "");
  const kofiRaw = params.get("kofinanzierung");
  const abRaw = (params.get("ab") ?? "").trim();
  const answers: FinderAnswers = {};
  if (wer) {
    if (Object.hasOwn(ANTRAGSBERECHTIGT, wer)) answers.wer = wer;
    else errors.wer = "Bitte wählen Sie aus der Liste.";
  }
  if (feld) {
    if (Object.hasOwn(HANDLUNGSFELDER, feld)) answers.feld = feld;
    else errors.feld = "Bitte wählen Sie aus der Liste.";
  }
  if (eigenRaw !== "") {
    const n = Number(eigenRaw);
    if (!Number.isFinite(n) || n < 0 || n > 100) errors.eigenmittel = "Bitte eine Zahl von 0 bis 100 eingeben.";
    else answers.eigenmittel = n;
  }
  if (kofiRaw === "ja") answers.kofinanzierung = true;
  else if (kofiRaw === "nein") answers.kofinanzierung = false;
  if (abRaw) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(abRaw) && !Number.isNaN(Date.parse(`${abRaw}T00:00:00Z`)) && new Date(`${abRaw}T00:00:00Z`).toISOString().startsWith(abRaw);
    if (ok) answers.ab = abRaw;
    else errors.ab = "Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).";
  }
  const asked = ["wer", "feld", "eigenmittel", "kofinanzierung", "ab"].some((k) => params.has(k));
  return { answers, errors, asked };
}
