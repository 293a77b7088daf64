// Ownership and review cycles of the content (issue 13): owner resolution at import, "Meine Prüfungen",
// the review action ("geprüft, unverändert"), bulk owner changes and the review reminders.
// Intervals and date arithmetic live in app/utils/review.ts.
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { articles, guides, programmes, reviewReminders, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { audit } from "~/services/audit.server";
import { getEnv } from "~/services/env.server";
import { ANKOMMEN_SPRACHEN_DE, ARTICLE_TYPES, type AnkommenSprache } from "~/utils/taxonomy";
import { todayIso } from "~/utils/format";
import { REMINDER_LEAD_DAYS, TEAM_OWNER, addDays, nextReviewDate, reviewState, type ReviewKind, type ReviewState } from "~/utils/review";
import { getArticleBySlug, updateArticle, type ArticleInput } from "./article.server";
import { getProgramme, saveProgramme, toFrontmatter } from "./programme.server";
import { notify } from "./notification.server";
import { listOutdatedTranslations, type Guide } from "./ankommen.server";

export type EntityType = "article" | "programme";

const activeRedaktion = and(eq(users.role, "redaktion"), isNull(users.deletedAt), isNull(users.disabledAt));

/** Redaktion users who can own entries (pickers, bulk assignment), by name. No e-mail addresses. */
export function listRedaktionUsers(db: Executor): { id: string; name: string }[] {
  return db.select({ id: users.id, name: users.name }).from(users).where(activeRedaktion).orderBy(asc(users.name)).all();
}

export function isRedaktionUser(db: Executor, userId: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), activeRedaktion)).get();
}

/**
 * Front-matter `verantwortlich` / `vertretung` → user id. An e-mail address matches case-insensitively, an
 * @handle matches the part of the address before "@" (only when exactly one Redaktion user has it).
 * `redaktion`, a missing value, an unknown or ambiguous reference and non-Redaktion accounts → null (team).
 */
export function resolveOwnerRef(db: Executor, ref: string | null | undefined): string | null {
  const r = ref?.trim().toLowerCase();
  if (!r || r === TEAM_OWNER) return null;
  if (r.startsWith("@")) {
    const handle = r.slice(1);
    const rows = db
      .select({ id: users.id })
      .from(users)
      .where(and(activeRedaktion, sql`lower(substr(${users.email}, 1, instr(${users.email}, '@') - 1)) = ${handle}`))
      .limit(2)
      .all();
    return rows.length === 1 ? rows[0].id : null;
  }
  return db.select({ id: users.id }).from(users).where(and(activeRedaktion, eq(users.email, r))).get()?.id ?? null;
}

/**
 * Owners for an import: a reference that names a Redaktion user sets the owner; `redaktion` or an
 * unresolved reference makes a new entry team-owned and leaves an existing entry's owner as it is
 * (an owner assigned on the web is never removed by a file that says "redaktion").
 */
export function ownersFromFile(db: Executor, f: { verantwortlich?: string; vertretung?: string }): { ownerId?: string; deputyId?: string } {
  const ownerId = resolveOwnerRef(db, f.verantwortlich);
  const deputyId = resolveOwnerRef(db, f.vertretung);
  return { ...(ownerId ? { ownerId } : {}), ...(deputyId ? { deputyId } : {}) };
}

// ---------------------------------------------------------------- listing

export type ReviewItem = {
  entityType: EntityType;
  id: number;
  slug: string;
  title: string;
  kind: ReviewKind;
  kindLabel: string;
  stand: string | null;
  pruefenBis: string | null;
  state: ReviewState;
  ownerId: string | null;
  ownerName: string; // "Redaktion" for the team
  deputyId: string | null;
  deputyName: string | null;
  /** Why the viewer sees it on "Meine Prüfungen". */
  role?: "verantwortlich" | "vertretung" | "team";
  url: string;
  editUrl: string;
};

const TEAM_LABEL = "Redaktion";

function activeNames(db: Executor, ids: (string | null)[]): Map<string, string> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, list), isNull(users.deletedAt), isNull(users.disabledAt)))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every reviewable entry (articles not archived, all programmes) with owner, deputy and review state. */
export function listReviewItems(db: Executor, today = todayIso()): ReviewItem[] {
  const a = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, type: articles.type, stand: articles.stand, pruefenBis: articles.pruefenBis, ownerId: articles.ownerId, deputyId: articles.deputyId })
    .from(articles)
    .where(ne(articles.status, "archiviert"))
    .all();
  const p = db
    .select({ id: programmes.id, slug: programmes.slug, title: programmes.title, stand: programmes.stand, pruefenBis: programmes.pruefenBis, ownerId: programmes.ownerId, deputyId: programmes.deputyId })
    .from(programmes)
    .all();
  const names = activeNames(db, [...a, ...p].flatMap((r) => [r.ownerId, r.deputyId]));
  const owner = (id: string | null) => (id && names.has(id) ? { ownerId: id, ownerName: names.get(id)! } : { ownerId: null, ownerName: TEAM_LABEL });
  const deputy = (id: string | null) => (id && names.has(id) ? { deputyId: id, deputyName: names.get(id)! } : { deputyId: null, deputyName: null });
  const items: ReviewItem[] = [
    ...a.map((r) => ({
      entityType: "article" as const,
      id: r.id,
      slug: r.slug,
      title: r.title,
      kind: r.type,
      kindLabel: ARTICLE_TYPES[r.type],
      stand: r.stand,
      pruefenBis: r.pruefenBis,
      state: reviewState(r.pruefenBis, today),
      ...owner(r.ownerId),
      ...deputy(r.deputyId),
      url: `/wissen/${r.slug}`,
      editUrl: `/wissen/${r.slug}/bearbeiten?pruefung=1`,
    })),
    ...p.map((r) => ({
      entityType: "programme" as const,
      id: r.id,
      slug: r.slug,
      title: r.title,
      kind: "programme" as const,
      kindLabel: "Förderprogramm",
      stand: r.stand,
      pruefenBis: r.pruefenBis,
      state: reviewState(r.pruefenBis, today),
      ...owner(r.ownerId),
      ...deputy(r.deputyId),
      url: `/foerderung/${r.slug}`,
      editUrl: `/foerderung/${r.slug}/bearbeiten?pruefung=1`,
    })),
  ];
  // Due date first (overdue first), entries without a date last.
  return items.sort((x, y) => (x.pruefenBis ?? "9999-12-31").localeCompare(y.pruefenBis ?? "9999-12-31") || x.title.localeCompare(y.title, "de"));
}

/** "Meine Prüfungen": entries the user owns, deputises (owner is team or inactive) or that belong to the team. */
export function listMyReviews(db: Executor, userId: string, today = todayIso()): ReviewItem[] {
  const out: ReviewItem[] = [];
  for (const it of listReviewItems(db, today)) {
    if (it.ownerId === userId) out.push({ ...it, role: "verantwortlich" });
    else if (it.deputyId === userId) out.push({ ...it, role: "vertretung" });
    else if (it.ownerId === null) out.push({ ...it, role: "team" });
  }
  return out;
}

// ---------------------------------------------------------------- review action

export class ReviewError extends Error {}

/**
 * "geprüft, unverändert": stand = today, pruefen_bis = today + interval, a revision with the reason, audit.
 * Idempotent: when `seenPruefenBis` (the date the reviewer saw) no longer matches, or the entry was already
 * reviewed today, nothing is written and `already` is true (a double submit records one revision).
 */
export function markReviewedUnchanged(
  db: DB,
  input: { entityType: EntityType; slug: string; actor: { id: string }; reason: string; seenPruefenBis: string | null; today?: string },
): { already: boolean; title: string; pruefenBis: string } {
  const today = input.today ?? todayIso();
  const reason = `Geprüft, unverändert: ${input.reason}`.slice(0, 500);
  return db.transaction(
    (tx) => {
      if (input.entityType === "article") {
        const a = getArticleBySlug(tx, input.slug);
        if (!a || a.status === "archiviert") throw new ReviewError("Beitrag nicht gefunden.");
        const next = nextReviewDate(a.type, today);
        if ((a.stand === today && a.pruefenBis === next) || (a.pruefenBis ?? null) !== (input.seenPruefenBis ?? null))
          return { already: true, title: a.title, pruefenBis: a.pruefenBis ?? next };
        const data: ArticleInput = { ...a, stand: today, pruefenBis: next };
        updateArticle(tx, a.id, data, input.actor, reason);
        audit(tx, { actorId: input.actor.id, action: "article.review", entityType: "article", entityId: a.id, detail: { slug: a.slug, result: "unveraendert", pruefenBis: next } });
        return { already: false, title: a.title, pruefenBis: next };
      }
      const p = getProgramme(tx, input.slug);
      if (!p) throw new ReviewError("Förderprogramm nicht gefunden.");
      const next = nextReviewDate("programme", today);
      if ((p.stand === today && p.pruefenBis === next) || (p.pruefenBis ?? null) !== (input.seenPruefenBis ?? null))
        return { already: true, title: p.title, pruefenBis: p.pruefenBis ?? next };
      const data = { ...toFrontmatter(p), stand: today, pruefen_bis: next };
      const { version } = saveProgramme(tx, { slug: p.slug, data, body: p.body, authorId: input.actor.id, reason, create: false });
      audit(tx, { actorId: input.actor.id, action: "programme.review", entityType: "programme", entityId: p.id, detail: { slug: p.slug, result: "unveraendert", pruefenBis: next, version } });
      return { already: false, title: p.title, pruefenBis: next };
    },
    { behavior: "immediate" },
  );
}

/** Bulk owner/deputy change from the Prüfung page. `null` = team (owner) / none (deputy). Returns the count. */
export function setOwners(
  db: DB,
  input: { items: { entityType: EntityType; id: number }[]; ownerId?: string | null; deputyId?: string | null; actor: { id: string } },
): number {
  for (const id of [input.ownerId, input.deputyId]) if (id && !isRedaktionUser(db, id)) throw new ReviewError("Bitte wählen Sie eine Person der Redaktion.");
  const set = { ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}), ...(input.deputyId !== undefined ? { deputyId: input.deputyId } : {}) };
  if (Object.keys(set).length === 0 || input.items.length === 0) return 0;
  return db.transaction(
    (tx) => {
      let n = 0;
      for (const it of input.items.slice(0, 1000)) {
        const table = it.entityType === "article" ? articles : programmes;
        const r = tx.update(table).set(set).where(eq(table.id, it.id)).run();
        if (r.changes > 0) {
          n++;
          audit(tx, { actorId: input.actor.id, action: `${it.entityType}.owner`, entityType: it.entityType, entityId: it.id, detail: { ownerId: set.ownerId, deputyId: set.deputyId } });
        }
      }
      return n;
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------- reminders

function redaktionIds(db: Executor) {
  return db.select({ id: users.id }).from(users).where(activeRedaktion).all().map((u) => u.id);
}

/**
 * Who is reminded: the owner when active. A team-owned entry: every Redaktion user (the deputy among them).
 * An owner whose account is disabled or deleted: the deputy when active, else every Redaktion user.
 */
export function reminderRecipients(db: Executor, e: { ownerId: string | null; deputyId: string | null }): string[] {
  const active = activeNames(db, [e.ownerId, e.deputyId]);
  if (e.ownerId && active.has(e.ownerId)) return [e.ownerId];
  if (e.ownerId && e.deputyId && active.has(e.deputyId)) return [e.deputyId];
  const team = redaktionIds(db);
  return e.deputyId && active.has(e.deputyId) && !team.includes(e.deputyId) ? [...team, e.deputyId] : team;
}

export type ReminderRun = { checked: number; sent: number; notifications: number; vorab: number; ueberfaellig: number; veraltet: number };

/**
 * Sends due review reminders: one `REMINDER_LEAD_DAYS` before `pruefen_bis` ("vorab") and one once it has
 * passed ("ueberfaellig"), each at most once per entry, threshold and pruefen_bis value (table
 * review_reminders, unique index; the insert and the notifications share one transaction). An entry that is
 * already overdue gets only the overdue reminder. Idempotent: a second run the same day sends nothing.
 * Mail goes through notify() (immediate or digest per the user's preference); deliver with deliverPendingMail.
 */
export function runReviewReminders(db: DB, now = new Date()): ReminderRun {
  const today = todayIso(now);
  const horizon = addDays(today, REMINDER_LEAD_DAYS);
  const run: ReminderRun = { checked: 0, sent: 0, notifications: 0, vorab: 0, ueberfaellig: 0, veraltet: 0 };
  const due = [
    ...db
      .select({ id: articles.id, slug: articles.slug, title: articles.title, pruefenBis: articles.pruefenBis, ownerId: articles.ownerId, deputyId: articles.deputyId })
      .from(articles)
      .where(and(eq(articles.status, "veroeffentlicht"), isNotNull(articles.pruefenBis), sql`${articles.pruefenBis} <= ${horizon}`))
      .all()
      .map((r) => ({ ...r, entityType: "article" as const, url: `/wissen/${r.slug}` })),
    ...db
      .select({ id: programmes.id, slug: programmes.slug, title: programmes.title, pruefenBis: programmes.pruefenBis, ownerId: programmes.ownerId, deputyId: programmes.deputyId })
      .from(programmes)
      .where(and(isNotNull(programmes.pruefenBis), sql`${programmes.pruefenBis} <= ${horizon}`))
      .all()
      .map((r) => ({ ...r, entityType: "programme" as const, url: `/foerderung/${r.slug}` })),
  ];
  const fmt = (iso: string) => iso.split("-").reverse().join(".");
  for (const e of due) {
    run.checked++;
    const pruefenBis = e.pruefenBis!;
    const threshold = pruefenBis < today ? "ueberfaellig" : "vorab";
    db.transaction(
      (tx) => {
        const recipients = reminderRecipients(tx, e);
        const inserted = tx
          .insert(reviewReminders)
          .values({ entityType: e.entityType, entityId: e.id, threshold, pruefenBis, recipients: recipients.length })
          .onConflictDoNothing()
          .returning({ id: reviewReminders.id })
          .all();
        if (inserted.length === 0) return; // already sent for this threshold and date
        const what = e.entityType === "article" ? "Beitrag" : "Förderprogramm";
        const message =
          threshold === "ueberfaellig"
            ? `Prüfung überfällig: ${what} „${e.title}“ sollte bis ${fmt(pruefenBis)} geprüft werden.`
            : `Prüfung fällig bis ${fmt(pruefenBis)}: ${what} „${e.title}“.`;
        run.notifications += notify(tx, recipients, { kind: "pruefung", topicId: null, actorId: null, message, url: "/verwaltung/meine-pruefungen" });
        run.sent++;
        run[threshold]++;
      },
      { behavior: "immediate" },
    );
  }
  remindOutdatedTranslations(db, run);
  return run;
}

/**
 * Ankommen: when the German version of a guide is newer than some of its translations, the German guide's owner
 * (`verantwortlich`; the Redaktion team when unresolved) is reminded once per German `stand`.
 */
function remindOutdatedTranslations(db: DB, run: ReminderRun) {
  const byStation = new Map<string, Guide[]>();
  for (const g of listOutdatedTranslations(db)) byStation.set(g.station, [...(byStation.get(g.station) ?? []), g]);
  for (const [station, outdated] of byStation) {
    const de = db.select({ id: guides.id, title: guides.title, stand: guides.quelleStand, owner: guides.verantwortlich }).from(guides).where(and(eq(guides.station, station), eq(guides.lang, "de"))).get();
    if (!de) continue;
    run.checked++;
    db.transaction(
      (tx) => {
        const recipients = reminderRecipients(tx, { ownerId: resolveOwnerRef(tx, de.owner), deputyId: null });
        const inserted = tx
          .insert(reviewReminders)
          .values({ entityType: "guide", entityId: de.id, threshold: "veraltet", pruefenBis: de.stand, recipients: recipients.length })
          .onConflictDoNothing()
          .returning({ id: reviewReminders.id })
          .all();
        if (inserted.length === 0) return;
        const langs = outdated.map((g) => ANKOMMEN_SPRACHEN_DE[g.lang as AnkommenSprache] ?? g.lang).join(", ");
        const message = `Übersetzungen veraltet: „${de.title}“ (Ankommen) wurde geändert; nicht mehr aktuell: ${langs}.`;
        run.notifications += notify(tx, recipients, { kind: "pruefung", topicId: null, actorId: null, message, url: `/ankommen/${station}` });
        run.sent++;
        run.veraltet++;
      },
      { behavior: "immediate" },
    );
  }
}

/** For the CLI: whether mail would go by SMTP or into MAIL_DIR (no addresses). */
export function mailTarget(): string {
  const env = getEnv();
  return env.SMTP_URL ? "SMTP" : `Ordner ${env.MAIL_DIR}`;
}

// ---------------------------------------------------------------- editor fields

/**
 * Owner/deputy pickers of the editors → ids. "" = team (owner) / none (deputy); anything but an active
 * Redaktion user is a field error. Returns undefined values when the form has no such fields.
 */
export function parseOwnerFields(
  db: Executor,
  form: FormData,
): { ok: true; ownerId?: string | null; deputyId?: string | null } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (key: "ownerId" | "deputyId") => {
    const v = form.get(key);
    if (v === null) return undefined;
    const s = String(v).trim().slice(0, 100);
    if (s === "") return null;
    if (!isRedaktionUser(db, s)) errors[key] = "Bitte wählen Sie eine Person der Redaktion.";
    return s;
  };
  const ownerId = read("ownerId");
  const deputyId = read("deputyId");
  if (ownerId && deputyId && ownerId === deputyId) errors.deputyId = "Die Vertretung muss eine andere Person sein als die oder der Verantwortliche.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, ownerId, deputyId };
}

/** "geprüft, aktualisiert": the editor saved in review mode gets stand = today, pruefen_bis = today + interval. */
export function reviewedDates(kind: ReviewKind, today = todayIso()): { stand: string; pruefenBis: string } {
  return { stand: today, pruefenBis: nextReviewDate(kind, today) };
}

/** Demo seed: the given Redaktion account becomes owner of every team-owned entry. Returns a summary line. */
export function assignDemoOwner(db: DB, email: string): string {
  const id = resolveOwnerRef(db, email);
  if (!id) return "kein Redaktions-Konto – übersprungen";
  return db.transaction(
    (tx) => {
      const a = tx.update(articles).set({ ownerId: id }).where(isNull(articles.ownerId)).run().changes;
      const p = tx.update(programmes).set({ ownerId: id }).where(isNull(programmes.ownerId)).run().changes;
      return `${a} Beiträge, ${p} Programme`;
    },
    { behavior: "immediate" },
  );
}
