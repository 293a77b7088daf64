import { randomUUID } from "node:crypto";
import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import { cities, forumPosts, forumTopics, invitations, projects, resetRequests, userTokens, users } from "../../db/schema/index";
import type { DB, Executor } from "~/services/db.server";
import { dummyVerify, hashPassword, verifyPassword } from "~/services/password.server";
import { generateToken, hashToken } from "~/services/tokens.server";
import { loginThrottle } from "~/services/rate-limit.server";
import { invalidateUserSessions } from "~/services/auth.server";
import { audit } from "~/services/audit.server";
import { enqueueMail, kickMailDelivery, publicLink } from "~/services/mail.server";
import type { Role } from "~/utils/taxonomy";
import { ROLES } from "~/utils/taxonomy";
import { cleanLine } from "~/utils/text-hygiene";

export const INVITATION_DAYS = 14;
export const RESET_MINUTES = 60;
export const LOGIN_FAILED_MESSAGE = "E-Mail-Adresse oder Passwort ist falsch.";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function createUser(
  db: DB,
  input: { email: string; name: string; password: string; role: Role; cityId?: number | null },
) {
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  db.insert(users)
    .values({ id, email: normalizeEmail(input.email), name: cleanLine(input.name), passwordHash, role: input.role, cityId: input.cityId ?? null })
    .run();
  return id;
}

export type LoginResult = { ok: true; userId: string } | { ok: false; message: string; waitSeconds?: number };

function waitText(seconds: number) {
  return seconds < 120 ? `${seconds} Sekunden` : `${Math.ceil(seconds / 60)} Minuten`;
}

/**
 * Checks credentials, throttled per (account, address) pair and per address (LoginThrottle); the same message
 * for unknown and wrong, and the same cost (argon2 against a dummy hash for unknown accounts).
 */
export async function authenticate(db: DB, emailRaw: string, password: string, ip: string): Promise<LoginResult> {
  const email = normalizeEmail(emailRaw);
  const throttle = loginThrottle();
  const { waitSeconds, reason } = throttle.check(email, ip);
  if (waitSeconds > 0) {
    const message =
      reason === "address"
        ? `Von Ihrem Netzwerk kamen zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in ${waitText(waitSeconds)} erneut.`
        : `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${waitText(waitSeconds)} oder setzen Sie Ihr Passwort über „Passwort vergessen?“ zurück.`;
    return { ok: false, waitSeconds, message };
  }
  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = user && !user.disabledAt && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password).then(() => false);
  if (!valid || !user) {
    throttle.fail(email, ip);
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }
  throttle.succeed(email, ip);
  return { ok: true, userId: user.id };
}

/** A new password ends every outstanding reset link and pending reset request of the account. */
function endResetLinks(tx: Executor, userId: string, email: string) {
  tx.update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, "passwort-reset"), isNull(userTokens.usedAt)))
    .run();
  tx.delete(resetRequests).where(eq(resetRequests.email, email)).run();
}

export function getAccount(db: DB, userId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, cityId: users.cityId, emailPref: users.emailPref })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function updateName(db: DB, userId: string, name: string) {
  db.update(users).set({ name: cleanLine(name) }).where(eq(users.id, userId)).run();
  audit(db, { actorId: userId, action: "user.name", entityType: "user", entityId: userId });
}

export async function changePassword(db: DB, userId: string, current: string, next: string): Promise<boolean> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    endResetLinks(tx, userId, user.email);
    audit(tx, { actorId: userId, action: "user.password", entityType: "user", entityId: userId });
  });
  await invalidateUserSessions(userId);
  return true;
}

export function listUsers(db: DB) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      cityId: users.cityId,
      cityName: cities.name,
      disabledAt: users.disabledAt,
      deletedAt: users.deletedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(cities, eq(cities.id, users.cityId))
    .orderBy(asc(users.name))
    .all();
}

/** What an account has contributed: shown on the admin's confirmation page before the DSGVO erasure. */
export function userDependencies(db: Executor, userId: string) {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const c = sql<number>`count(*)`;
  return {
    posts: n(db.select({ n: c }).from(forumPosts).where(and(eq(forumPosts.authorId, userId), isNull(forumPosts.deletedAt))).get()),
    topics: n(db.select({ n: c }).from(forumTopics).where(eq(forumTopics.authorId, userId)).get()),
    projects: n(db.select({ n: c }).from(projects).where(eq(projects.createdBy, userId)).get()),
    openInvitations: n(db.select({ n: c }).from(invitations).where(and(eq(invitations.invitedBy, userId), isNull(invitations.usedAt))).get()),
  };
}

export function getUserForAdmin(db: Executor, userId: string) {
  return (
    db
      .select({ id: users.id, name: users.name, role: users.role, cityName: cities.name, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
      .from(users)
      .leftJoin(cities, eq(cities.id, users.cityId))
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

export class ValidationError extends Error {
  constructor(public field: string, message: string) {
    super(message);
  }
}

export async function setUserRole(db: DB, actorId: string, userId: string, role: Role, cityId: number | null) {
  if (!(role in ROLES)) throw new ValidationError("role", "Unbekannte Rolle.");
  if (role === "koordination" && cityId == null) throw new ValidationError("cityId", "Koordination braucht eine Stadt.");
  const before = db.select({ role: users.role, cityId: users.cityId }).from(users).where(eq(users.id, userId)).get();
  if (!before) throw new ValidationError("userId", "Unbekanntes Konto.");
  db.update(users).set({ role, cityId }).where(eq(users.id, userId)).run();
  if (before.role !== role || before.cityId !== cityId) await invalidateUserSessions(userId);
  audit(db, { actorId, action: "user.role", entityType: "user", entityId: userId, detail: { from: before, to: { role, cityId } } });
}

export async function setUserDisabled(db: DB, actorId: string, userId: string, disabled: boolean) {
  db.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId)).run();
  if (disabled) await invalidateUserSessions(userId);
  audit(db, { actorId, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId });
}

// ---------------------------------------------------------------- invitations

export function createInvitation(
  db: Executor,
  actor: { id: string; name: string },
  input: { email: string; role: Role; cityId: number | null },
) {
  const token = generateToken();
  const email = normalizeEmail(input.email);
  const link = publicLink(`/registrieren/${token}`);
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  const id = db.transaction((tx) => {
    const row = tx
      .insert(invitations)
      .values({ tokenHash: hashToken(token), email, role: input.role, cityId: input.cityId, invitedBy: actor.id, expiresAt })
      .returning({ id: invitations.id })
      .get();
    enqueueMail(tx, {
      to: email,
      subject: "Einladung zum Städtenetz Südosteuropa",
      text:
        `Guten Tag,\n\nSie wurden zum Online-Fachforum des Städtenetzes Südosteuropa eingeladen (Rolle: ${ROLES[input.role]}).\n\n` +
        `Mit diesem Link legen Sie Ihr Konto an. Er ist ${INVITATION_DAYS} Tage gültig und kann einmal verwendet werden:\n${link}\n\n` +
        `Wenn Sie diese Einladung nicht erwartet haben, können Sie diese Nachricht ignorieren.\n`,
    });
    audit(tx, { actorId: actor.id, action: "invitation.create", entityType: "invitation", entityId: row.id, detail: { role: input.role, cityId: input.cityId } });
    return row.id;
  });
  return { id, token, link, expiresAt };
}

export function findValidInvitation(db: DB, token: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, cityId: invitations.cityId, cityName: cities.name })
    .from(invitations)
    .leftJoin(cities, eq(cities.id, invitations.cityId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
    .get();
}

export function listInvitations(db: DB, cityId?: number) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, cityName: cities.name, expiresAt: invitations.expiresAt, usedAt: invitations.usedAt, createdAt: invitations.createdAt })
    .from(invitations)
    .leftJoin(cities, eq(cities.id, invitations.cityId))
    .where(cityId != null ? eq(invitations.cityId, cityId) : undefined)
    .orderBy(sql`${invitations.id} desc`)
    .limit(200)
    .all();
}

/** Redeems an invitation: the token is looked up and marked used in one transaction, then the user is created. */
export async function acceptInvitation(db: DB, token: string, input: { name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const inv = tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())))
      .returning()
      .get();
    if (!inv) return null;
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email)).get();
    if (existing) throw new ValidationError("email", "Für diese E-Mail-Adresse gibt es bereits ein Konto. Bitte melden Sie sich an.");
    const id = randomUUID();
    tx.insert(users).values({ id, email: inv.email, name: cleanLine(input.name), passwordHash, role: inv.role, cityId: inv.cityId }).run();
    tx.update(invitations).set({ usedBy: id }).where(eq(invitations.id, inv.id)).run();
    audit(tx, { actorId: id, action: "invitation.accept", entityType: "invitation", entityId: inv.id });
    return id;
  });
}

// ---------------------------------------------------------------- password reset

/** At most this many reset mails per account and hour (no mail bombing through the form). */
export const RESET_MAILS_PER_HOUR = 3;

/**
 * Records a "Passwort vergessen" request. The request path does exactly this for every address, known or not
 * (one insert), so neither answer nor timing tells whether an account exists; processResetRequests turns it
 * into a mail off the request path (kickResetRequests).
 */
export function requestPasswordReset(db: DB, emailRaw: string) {
  db.insert(resetRequests).values({ email: normalizeEmail(emailRaw).slice(0, 254) }).run();
}

/** Works off recorded requests: a reset link for real, active accounts; unknown addresses get nothing. */
export function processResetRequests(db: DB): number {
  const pending = db.select().from(resetRequests).orderBy(asc(resetRequests.id)).limit(500).all();
  let mails = 0;
  for (const r of pending) {
    db.transaction(
      (tx) => {
        tx.delete(resetRequests).where(eq(resetRequests.id, r.id)).run();
        const user = tx.select({ id: users.id, disabledAt: users.disabledAt, deletedAt: users.deletedAt }).from(users).where(eq(users.email, r.email)).get();
        if (!user || user.disabledAt || user.deletedAt) return;
        const recent = tx
          .select({ n: count() })
          .from(userTokens)
          .where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "passwort-reset"), gt(userTokens.createdAt, new Date(Date.now() - 3_600_000))))
          .get()!.n;
        if (recent >= RESET_MAILS_PER_HOUR) return;
        const token = generateToken();
        tx.insert(userTokens)
          .values({ tokenHash: hashToken(token), purpose: "passwort-reset", userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) })
          .run();
        enqueueMail(tx, {
          to: r.email,
          subject: "Passwort zurücksetzen – Städtenetz Südosteuropa",
          text:
            `Guten Tag,\n\nfür Ihr Konto wurde ein neues Passwort angefordert. Dieser Link ist eine Stunde gültig und kann einmal verwendet werden:\n` +
            `${publicLink(`/passwort-vergessen/${token}`)}\n\nWenn Sie das nicht waren, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.\n`,
        });
        mails++;
      },
      { behavior: "immediate" },
    );
  }
  return mails;
}

/** Reset requests are worked off in batches this long after the request, well after its response has gone out. */
export const RESET_BATCH_DELAY_MS = 200;
let resetBatch: ReturnType<typeof setTimeout> | undefined;

/**
 * After the response: build the reset mails, then deliver. Batched (one timer for all requests in the window),
 * so the extra work for a real account does not land on that request's own response.
 */
export function kickResetRequests(db: DB) {
  if (resetBatch) return;
  resetBatch = setTimeout(() => {
    resetBatch = undefined;
    try {
      if (processResetRequests(db) > 0) kickMailDelivery(db);
    } catch {
      console.error("passwort-reset: Anfragen konnten nicht verarbeitet werden");
    }
  }, RESET_BATCH_DELAY_MS);
  resetBatch.unref?.();
}

export function isValidResetToken(db: DB, token: string) {
  return !!db
    .select({ id: userTokens.id })
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "passwort-reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
    .get();
}

export async function resetPassword(db: DB, token: string, password: string): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  const done = db.transaction((tx) => {
    const t = tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "passwort-reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
      .returning({ userId: userTokens.userId })
      .get();
    if (!t) return null;
    const u = tx.update(users).set({ passwordHash }).where(eq(users.id, t.userId)).returning({ email: users.email }).get();
    endResetLinks(tx, t.userId, u.email);
    audit(tx, { actorId: t.userId, action: "user.password-reset", entityType: "user", entityId: t.userId });
    return { userId: t.userId, email: u.email };
  });
  if (!done) return null;
  await invalidateUserSessions(done.userId);
  // The mailbox owner proved control: earlier failures against the account no longer slow them down.
  loginThrottle().forgetAccount(done.email);
  return done.userId;
}
