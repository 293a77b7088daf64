// Programme experience (issue 19): when a project that used a programme ends ("abgeschlossen" or "abgebrochen"),
// the lead city's coordinators are asked to rate each programme; the programme page shows the aggregate only
// from MIN_RATINGS ratings of as many different projects and cities on, so no single city is identifiable.
import { and, asc, eq } from "drizzle-orm";
import { cities, programmeRatings, projectFundingLines, projects } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { visibilityFor, type Viewer } from "~/services/permissions";
import { notify } from "./notification.server";
import { leadCoordinators } from "./project-exchange.server";

/** Ratings of this many different projects from this many different cities before anything is shown. */
export const MIN_RATINGS = 3;
export const ENDED_STATUSES = ["abgeschlossen", "abgebrochen"] as const;

export type RatingInput = { effortApplication: number; effortProof: number; decisionMonths: number; wouldUseAgain: boolean; text: string };

export function isEnded(status: string) {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/** Programmes of the funding guide a project lists (distinct slugs, in funding-line order). */
export function projectProgrammes(db: Executor, projectId: number) {
  const rows = db
    .select({ slug: projectFundingLines.programmeSlug, name: projectFundingLines.programmeName })
    .from(projectFundingLines)
    .where(eq(projectFundingLines.projectId, projectId))
    .orderBy(asc(projectFundingLines.sort), asc(projectFundingLines.id))
    .all();
  const seen = new Map<string, string>();
  for (const r of rows) if (r.slug && !seen.has(r.slug)) seen.set(r.slug, r.name);
  return [...seen.entries()].map(([slug, name]) => ({ slug, name }));
}

/**
 * Called inside the project's write transaction after a status change: a project that has just ended asks its
 * lead coordinators to rate each programme it used (once per transition; a system notification, so the
 * coordinator who set the status gets it too).
 */
export function askForRatings(tx: Executor, projectId: number, before: string, after: string) {
  if (!isEnded(after) || isEnded(before)) return 0;
  const p = tx.select({ slug: projects.slug, title: projects.title }).from(projects).where(eq(projects.id, projectId)).get();
  if (!p) return 0;
  const progs = projectProgrammes(tx, projectId);
  if (progs.length === 0) return 0;
  const rated = new Set(
    tx.select({ slug: programmeRatings.programmeSlug }).from(programmeRatings).where(eq(programmeRatings.projectId, projectId)).all().map((r) => r.slug),
  );
  const open = progs.filter((g) => !rated.has(g.slug));
  if (open.length === 0) return 0;
  const who = leadCoordinators(tx, projectId);
  const names = open.map((g) => `„${g.name}“`).join(", ");
  return notify(tx, who, {
    kind: "bewertung",
    topicId: null,
    actorId: null,
    message: `Projekt „${p.title}“ ist beendet: Bitte bewerten Sie ${open.length === 1 ? "das Förderprogramm" : "die Förderprogramme"} ${names}`.slice(0, 300),
    url: `/projekte/${p.slug}/bewerten`,
  });
}

export function getRating(db: Executor, projectId: number, programmeSlug: string) {
  return db
    .select()
    .from(programmeRatings)
    .where(and(eq(programmeRatings.projectId, projectId), eq(programmeRatings.programmeSlug, programmeSlug)))
    .get();
}

export function listProjectRatings(db: Executor, projectId: number) {
  return db.select().from(programmeRatings).where(eq(programmeRatings.projectId, projectId)).all();
}

/** Creates or edits the one rating of (project, programme): a repeated or double submit leaves one row. */
export function saveRating(db: Executor, actor: { id: string; cityId: number | null }, projectId: number, programmeSlug: string, input: RatingInput, now = new Date()) {
  return db.transaction((tx) => {
    const values = { ...input, authorId: actor.id, cityId: actor.cityId, updatedAt: now };
    const row = tx
      .insert(programmeRatings)
      .values({ projectId, programmeSlug, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [programmeRatings.projectId, programmeRatings.programmeSlug], set: values })
      .returning({ id: programmeRatings.id })
      .get();
    audit(tx, { actorId: actor.id, action: "programme.rate", entityType: "project", entityId: projectId, detail: { programm: programmeSlug } });
    return row.id;
  });
}

const mean = (xs: number[]) => Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10;

/**
 * The aggregate for a programme page, or `{ shown: false, count }` below the threshold. Texts are attributed
 * to city and year only, and only from projects the viewer may read.
 */
export function programmeRatingSummary(db: Executor, programmeSlug: string, viewer: Viewer) {
  const rows = db
    .select({
      projectId: programmeRatings.projectId,
      cityId: programmeRatings.cityId,
      cityName: cities.name,
      effortApplication: programmeRatings.effortApplication,
      effortProof: programmeRatings.effortProof,
      decisionMonths: programmeRatings.decisionMonths,
      wouldUseAgain: programmeRatings.wouldUseAgain,
      text: programmeRatings.text,
      createdAt: programmeRatings.createdAt,
      visibility: projects.visibility,
    })
    .from(programmeRatings)
    .innerJoin(projects, eq(projects.id, programmeRatings.projectId))
    .leftJoin(cities, eq(cities.id, programmeRatings.cityId))
    .where(eq(programmeRatings.programmeSlug, programmeSlug))
    .all();
  const projectsN = new Set(rows.map((r) => r.projectId)).size;
  const citiesN = new Set(rows.map((r) => r.cityId).filter((c) => c != null)).size;
  if (rows.length < MIN_RATINGS || projectsN < MIN_RATINGS || citiesN < MIN_RATINGS) return { shown: false as const, count: rows.length, min: MIN_RATINGS };
  const vis = visibilityFor(viewer);
  return {
    shown: true as const,
    count: rows.length,
    min: MIN_RATINGS,
    effortApplication: mean(rows.map((r) => r.effortApplication)),
    effortProof: mean(rows.map((r) => r.effortProof)),
    decisionMonths: mean(rows.map((r) => r.decisionMonths)),
    wouldUseAgain: rows.filter((r) => r.wouldUseAgain).length,
    texts: rows
      .filter((r) => r.text.trim() && vis.includes(r.visibility))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((r) => ({ text: r.text, city: r.cityName ?? "eine Stadt", year: r.createdAt.getFullYear() })),
  };
}

/** DSGVO export: the user's ratings. */
export function exportRatings(db: Executor, userId: string) {
  return db
    .select({ projekt: projects.slug, programm: programmeRatings.programmeSlug, aufwandAntrag: programmeRatings.effortApplication, aufwandNachweis: programmeRatings.effortProof, monateBisEntscheidung: programmeRatings.decisionMonths, wiederNutzen: programmeRatings.wouldUseAgain, text: programmeRatings.text, am: programmeRatings.updatedAt })
    .from(programmeRatings)
    .innerJoin(projects, eq(projects.id, programmeRatings.projectId))
    .where(eq(programmeRatings.authorId, userId))
    .all();
}

/** DSGVO erasure: the ratings stay, anonymous (city and year only). */
export function anonymiseRatings(tx: Executor, userId: string) {
  tx.update(programmeRatings).set({ authorId: null }).where(eq(programmeRatings.authorId, userId)).run();
}
