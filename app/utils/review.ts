// Review cycles of the content (issue 13): the one place for the intervals per content type and the date
// arithmetic around `stand` / `pruefen_bis`. Pure and isomorphic (used by the importer, models and pages).
import type { ArticleType } from "./taxonomy";

export type ReviewKind = ArticleType | "programme";

/** Months between two reviews, per content type (content/README.md documents these). */
export const REVIEW_INTERVAL_MONTHS: Record<ReviewKind, number> = {
  programme: 6,
  praxis: 12,
  checkliste: 6,
  fakten: 12,
  glossar: 24,
  faq: 12,
  loesungsszenario: 24,
};

/** Days before `pruefen_bis` when the owner gets the first reminder. */
export const REMINDER_LEAD_DAYS = 30;

/** The front-matter value meaning "owned by the Redaktion team" (no single person). */
export const TEAM_OWNER = "redaktion";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-08-31` + 6 months → `2027-02-28` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(targetYear).padStart(4, "0")}-${String(targetMonth + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Next review date for an entry of `kind` checked on `stand`. */
export function nextReviewDate(kind: ReviewKind, stand: string): string {
  return addMonths(stand, REVIEW_INTERVAL_MONTHS[kind]);
}

/** `pruefen_bis` as stored: the given one, else stand + interval, else null (no stand). */
export function effectivePruefenBis(kind: ReviewKind, stand: string | null | undefined, pruefenBis: string | null | undefined): string | null {
  if (pruefenBis) return pruefenBis;
  return stand && ISO.test(stand) ? nextReviewDate(kind, stand) : null;
}

export type ReviewState = "ok" | "bald" | "ueberfaellig";

/** "ueberfaellig" once `pruefen_bis` has passed, "bald" within the reminder lead time. */
export function reviewState(pruefenBis: string | null | undefined, today: string): ReviewState {
  if (!pruefenBis) return "ok";
  if (pruefenBis < today) return "ueberfaellig";
  if (addDays(today, REMINDER_LEAD_DAYS) >= pruefenBis) return "bald";
  return "ok";
}

