// Abos (issue 19, decision 020): followed list filters, the outbox of changed entries, the matcher that turns
// them into notifications exactly once (ledger), deadline reminders and the per-abo Atom feed.
// Matching reuses each list's own filter functions; nothing here re-implements a filter.
import { and, asc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { aboLedger, aboOutbox, programmes, savedSearches, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { kickMailDelivery } from "~/services/mail.server";
import { generateToken, hashToken } from "~/services/tokens.server";
import type { Viewer } from "~/services/permissions";
import { notify } from "./notification.server";
import { listProgrammeSummaries } from "./programme.server";
import { activeChips, addDays, applyFilters, filtersToParams, parseFilters, upcomingDeadlines } from "~/utils/programme-facets";
import { todayIso } from "~/utils/format";
import { describeFilterQuery, STATUS_LABELS } from "~/utils/filter-labels";
import { can } from "~/services/permissions";
import { listProjects } from "./project.server";
import { parseFilters as parseProjectFilters } from "~/components/projekte/filters";
import { listForderungen, parseForderungFilters } from "./forderung.server";
import { listTermine, parseTerminFilters } from "./termin.server";
import { listArticles, parseArticleFilters } from "./article.server";

/** Lists that can be followed today. */
export const ABO_LISTEN = { foerderung: "Förderung", projekte: "Projekte", forderungen: "Forderungen", termine: "Termine", wissen: "Wissen" } as const;
export type AboListe = keyof typeof ABO_LISTEN;
export const isAboListe = (v: unknown): v is AboListe => typeof v === "string" && Object.hasOwn(ABO_LISTEN, v);

/** Bound on one saved filter and on the number of abos per user. */
export const MAX_QUERY_LENGTH = 500;
export const MAX_ABOS_PER_USER = 50;
/** Deadline reminders this many days ahead. */
export const REMINDER_DAYS = [14, 3] as const;
/** Processed outbox rows older than this are deleted by the matcher. */
export const OUTBOX_KEEP_DAYS = 7;

export type AboEntry = { key: string; title: string; url: string; summary: string; updated: Date };

type ListDef = {
  path: string;
  /** Normalised query of the list's known filter keys (sorted, deduplicated). */
  normalise: (params: URLSearchParams) => string;
  /** German description of a saved filter, from the list's own filter chips. */
  describe: (query: string) => string;
  /** The entries of the list that `viewer` may see and that match `query`, newest change first. */
  entries: (db: Executor, query: string, viewer: Viewer, today: string) => AboEntry[];
};

function sortedParams(p: URLSearchParams): string {
  const pairs = [...p.entries()].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return new URLSearchParams(pairs).toString();
}

/** Serialises a list's own parsed filter object (no filtering logic here: the list's parser decides what is valid). */
function objectParams(f: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== false) p.set(k, v === true ? "1" : String(v));
  return p;
}
/** Matching may need the whole list (not only its first page). */
const MATCH_LIMIT = 10_000;

const LISTS: Record<AboListe, ListDef> = {
  foerderung: {
    path: "/foerderung",
    normalise: (params) => sortedParams(filtersToParams(parseFilters(params))),
    describe: (query) => activeChips(parseFilters(new URLSearchParams(query))).map((c) => c.label).join(", ") || "alle Programme",
    entries: (db, query, _viewer, today) => {
      // Funding programmes are public: every follower may see every programme.
      const matching = applyFilters(listProgrammeSummaries(db), parseFilters(new URLSearchParams(query)), today);
      if (matching.length === 0) return [];
      const updated = new Map(
        db
          .select({ slug: programmes.slug, updatedAt: programmes.updatedAt })
          .from(programmes)
          .where(inArray(programmes.slug, matching.map((p) => p.slug)))
          .all()
          .map((r) => [r.slug, r.updatedAt]),
      );
      return matching
        .map((p) => ({ key: p.slug, title: p.title, url: `/foerderung/${p.slug}`, summary: p.summary ?? "", updated: updated.get(p.slug) ?? new Date(0) }))
        .sort((a, b) => b.updated.getTime() - a.updated.getTime());
    },
  },
  projekte: {
    path: "/projekte",
    normalise: (params) => sortedParams(objectParams(parseProjectFilters(params))),
    describe: (query) => describeFilterQuery(query, "alle Projekte", STATUS_LABELS.projekte),
    // listProjects applies the follower's visibility (members-only projects only for members).
    entries: (db, query, viewer) =>
      listProjects(db, { viewer, filters: parseProjectFilters(new URLSearchParams(query)), sort: "aktualisiert", dir: "desc" }).map((p) => ({
        key: p.slug,
        title: p.title,
        url: `/projekte/${p.slug}`,
        summary: p.summary ?? "",
        updated: p.lastActivityAt,
      })),
  },
  forderungen: {
    path: "/forderungen",
    normalise: (params) => sortedParams(objectParams(parseForderungFilters(params))),
    describe: (query) => describeFilterQuery(query, "alle Forderungen", STATUS_LABELS.forderungen),
    // Forderungen are public.
    entries: (db, query) =>
      listForderungen(db, parseForderungFilters(new URLSearchParams(query)))
        .map((f) => ({ key: f.slug, title: f.titel, url: `/forderungen/${f.slug}`, summary: f.text.slice(0, 300), updated: f.statusDatum ? new Date(`${f.statusDatum}T12:00:00Z`) : new Date(0) }))
        .sort((a, b) => b.updated.getTime() - a.updated.getTime()),
  },
  termine: {
    path: "/termine",
    normalise: (params) => sortedParams(objectParams(parseTerminFilters(params))),
    describe: (query) => describeFilterQuery(query, "alle kommenden Termine"),
    // Termine are public.
    entries: (db, query) =>
      listTermine(db, { ...parseTerminFilters(new URLSearchParams(query)), limit: MATCH_LIMIT }).map((t) => ({
        key: String(t.id),
        title: t.titel,
        url: `/termine/${t.id}`,
        summary: (t.beschreibung ?? "").slice(0, 300),
        updated: t.beginn,
      })),
  },
  wissen: {
    path: "/wissen",
    normalise: (params) => sortedParams(objectParams(parseArticleFilters(params))),
    describe: (query) => describeFilterQuery(query, "alle Beiträge"),
    // Drafts only for those who may read drafts (Redaktion), exactly as the list shows them.
    entries: (db, query, viewer) =>
      listArticles(db, parseArticleFilters(new URLSearchParams(query)), { includeDrafts: can(viewer, "content.readDrafts"), limit: MATCH_LIMIT }).items.map((a) => ({
        key: a.slug,
        title: a.title,
        url: `/wissen/${a.slug}`,
        summary: a.summary ?? "",
        updated: new Date(a.stand ? `${a.stand}T12:00:00Z` : 0),
      })),
  },
};

export function normaliseQuery(liste: AboListe, params: URLSearchParams): string {
  return LISTS[liste].normalise(params);
}

export function listPath(liste: AboListe, query: string): string {
  return query ? `${LISTS[liste].path}?${query}` : LISTS[liste].path;
}

export type FollowResult = { status: "neu" | "bereits" | "zu-viele" | "zu-lang"; id: number | null };

/** Follow a filter; the same filter twice is one abo. */
export function followSearch(db: DB, userId: string, liste: AboListe, params: URLSearchParams): FollowResult {
  const query = normaliseQuery(liste, params);
  if (query.length > MAX_QUERY_LENGTH) return { status: "zu-lang", id: null };
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: savedSearches.id })
      .from(savedSearches)
      .where(and(eq(savedSearches.userId, userId), eq(savedSearches.liste, liste), eq(savedSearches.query, query)))
      .get();
    if (existing) return { status: "bereits" as const, id: existing.id };
    const n = tx.select({ id: savedSearches.id }).from(savedSearches).where(eq(savedSearches.userId, userId)).all().length;
    if (n >= MAX_ABOS_PER_USER) return { status: "zu-viele" as const, id: null };
    const row = tx.insert(savedSearches).values({ userId, liste, query }).onConflictDoNothing().returning({ id: savedSearches.id }).get();
    return { status: "neu" as const, id: row?.id ?? null };
  });
}

export function listMySearches(db: Executor, userId: string) {
  return db
    .select({ id: savedSearches.id, liste: savedSearches.liste, query: savedSearches.query, hasFeed: savedSearches.feedTokenHash, createdAt: savedSearches.createdAt })
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(asc(savedSearches.id))
    .all()
    .filter((r) => isAboListe(r.liste))
    .map((r) => ({ id: r.id, liste: r.liste as AboListe, label: ABO_LISTEN[r.liste as AboListe], query: r.query, beschreibung: LISTS[r.liste as AboListe].describe(r.query), url: listPath(r.liste as AboListe, r.query), hasFeed: !!r.hasFeed, createdAt: r.createdAt }));
}

export function unfollowSearch(db: Executor, userId: string, id: number): boolean {
  return db.delete(savedSearches).where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId))).run().changes > 0;
}

/** A new secret feed token for one of the user's abos (the old link stops working). Returns the token once. */
export function renewFeedToken(db: Executor, userId: string, id: number): string | null {
  const token = generateToken();
  const n = db
    .update(savedSearches)
    .set({ feedTokenHash: hashToken(token) })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .run().changes;
  return n > 0 ? token : null;
}

export function revokeFeedToken(db: Executor, userId: string, id: number): boolean {
  return db.update(savedSearches).set({ feedTokenHash: null }).where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId))).run().changes > 0;
}

function activeFollowers(db: Executor, ids: string[]): Map<string, NonNullable<Viewer>> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, role: users.role, cityId: users.cityId })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt), isNull(users.disabledAt)))
    .all();
  return new Map(rows.map((r) => [r.id, { id: r.id, role: r.role, cityId: r.cityId }]));
}

/** The feed of one abo by its secret token (null: unknown or revoked token, or the account is gone). */
export function feedForToken(db: Executor, token: string, today = todayIso()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const s = db.select().from(savedSearches).where(eq(savedSearches.feedTokenHash, hashToken(token))).get();
  if (!s || !isAboListe(s.liste)) return null;
  const viewer = activeFollowers(db, [s.userId]).get(s.userId);
  if (!viewer) return null;
  const entries = LISTS[s.liste].entries(db, s.query, viewer, today).slice(0, 50);
  return { id: s.id, liste: s.liste, label: ABO_LISTEN[s.liste], url: listPath(s.liste, s.query), entries };
}

export type MatcherResult = { processed: number; alerts: number };

/**
 * Works off the outbox: for every changed entry, every abo of its list whose filter matches the entry and whose
 * follower may see it gets one notification. Exactly once per abo+entry+version, also when a run crashes midway
 * or two processes run: the ledger row and the notification are written in one transaction, the ledger's unique
 * index refuses a second one. The outbox row is marked done only after all abos were handled.
 */
export function runAboMatcher(db: DB, opts: { now?: Date; limit?: number } = {}): MatcherResult {
  const today = todayIso(opts.now ?? new Date());
  const pending = db.select().from(aboOutbox).where(isNull(aboOutbox.processedAt)).orderBy(asc(aboOutbox.id)).limit(opts.limit ?? 200).all();
  let alerts = 0;
  for (const row of pending) {
    if (isAboListe(row.liste)) {
      const def = LISTS[row.liste];
      const searches = db.select().from(savedSearches).where(eq(savedSearches.liste, row.liste)).all();
      const followers = activeFollowers(db, [...new Set(searches.map((s) => s.userId))]);
      for (const s of searches) {
        if (s.userId === row.actorId) continue; // never the author of the change
        const viewer = followers.get(s.userId);
        if (!viewer) continue;
        const entry = def.entries(db, s.query, viewer, today).find((e) => e.key === row.entryKey);
        if (!entry) continue;
        const sent = db.transaction((tx) => {
          const claimed = tx
            .insert(aboLedger)
            .values({ userId: s.userId, scope: `abo:${s.id}`, ref: `${row.liste}:${row.entryKey}@${row.version}` })
            .onConflictDoNothing()
            .returning({ id: aboLedger.id })
            .get();
          if (!claimed) return 0;
          const what = row.version <= 1 ? "Neu" : "Geändert";
          return notify(tx, [s.userId], {
            kind: "abo",
            topicId: null,
            actorId: row.actorId,
            message: `${what} in Ihrer Suche „${ABO_LISTEN[row.liste as AboListe]}“: ${entry.title}`.slice(0, 300),
            url: entry.url,
          });
        });
        alerts += sent;
      }
    }
    db.update(aboOutbox).set({ processedAt: opts.now ?? new Date() }).where(eq(aboOutbox.id, row.id)).run();
  }
  // Processed rows are kept a while (for inspection), then removed; the ledger keeps alerts unique meanwhile.
  const cutoff = new Date((opts.now ?? new Date()).getTime() - OUTBOX_KEEP_DAYS * 86_400_000);
  db.delete(aboOutbox).where(and(isNotNull(aboOutbox.processedAt), lt(aboOutbox.processedAt, cutoff))).run();
  if (alerts > 0) kickMailDelivery(db);
  return { processed: pending.length, alerts };
}

/**
 * Daily: reminders 14 and 3 days before a deadline of a programme that one of the user's followed searches
 * includes. Exactly once per programme+deadline+offset+user (ledger scope "frist").
 */
export function runDeadlineReminders(db: DB, now: Date = new Date()): number {
  const today = todayIso(now);
  const searches = db.select().from(savedSearches).where(eq(savedSearches.liste, "foerderung")).all();
  const followers = activeFollowers(db, [...new Set(searches.map((s) => s.userId))]);
  const all = listProgrammeSummaries(db);
  let sent = 0;
  for (const s of searches) {
    const viewer = followers.get(s.userId);
    if (!viewer) continue;
    const included = applyFilters(all, parseFilters(new URLSearchParams(s.query)), today);
    for (const p of included) {
      for (const f of upcomingDeadlines(p, today)) {
        const days = REMINDER_DAYS.find((d) => addDays(today, d) === f.datum);
        if (!days) continue;
        sent += db.transaction((tx) => {
          const claimed = tx
            .insert(aboLedger)
            .values({ userId: s.userId, scope: "frist", ref: `${p.slug}|${f.datum}|${days}` })
            .onConflictDoNothing()
            .returning({ id: aboLedger.id })
            .get();
          if (!claimed) return 0;
          return notify(tx, [s.userId], {
            kind: "frist",
            topicId: null,
            actorId: null,
            message: `Frist in ${days} Tagen: ${p.title} – ${f.bezeichnung} (${f.datum.split("-").reverse().join(".")})`.slice(0, 300),
            url: `/foerderung/${p.slug}`,
          });
        });
      }
    }
  }
  if (sent > 0) kickMailDelivery(db);
  return sent;
}

/** DSGVO: a user's abos (without token hashes) and the alerts sent to them. */
export function exportAboData(db: Executor, userId: string) {
  return {
    suchabos: listMySearches(db, userId).map(({ liste, query, url, createdAt }) => ({ liste, filter: query, url, angelegt: createdAt })),
    benachrichtigungsprotokoll: db
      .select({ scope: aboLedger.scope, ref: aboLedger.ref, createdAt: aboLedger.createdAt })
      .from(aboLedger)
      .where(eq(aboLedger.userId, userId))
      .all(),
  };
}

export function deleteAboData(db: Executor, userId: string) {
  db.delete(aboLedger).where(eq(aboLedger.userId, userId)).run();
  db.delete(savedSearches).where(eq(savedSearches.userId, userId)).run();
}
