import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { cities, invitations, userTokens, users } from "../../db/schema/index";
import type { DB } from "~/services/db.server";
import { dummyVerify, hashPassword, verifyPassword } from "~/services/password.server";
import { generateToken, hashToken } from "~/services/tokens.server";
import { loginThrottle } from "~/services/rate-limit.server";
import { invalidateUserSessions } from "~/services/auth.server";
import { audit } from "~/services/audit.server";
import { enqueueMail, publicLink } from "~/services/mail.server";
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

/** Checks credentials with per-account and per-IP throttling; same message for unknown and wrong. */
export async function authenticate(db: DB, emailRaw: string, password: string, ip: string): Promise<LoginResult> {
  const email = normalizeEmail(emailRaw);
  const throttle = loginThrottle();
  const keys = [`account:${email}`, `ip:${ip}`];
  const wait = Math.max(...keys.map((k) => throttle.waitSeconds(k)));
  if (wait > 0) {
    return { ok: false, waitSeconds: wait, message: `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${wait} Sekunden und versuchen Sie es dann erneut.` };
  }
  const user = db.select().from(users).where(eq(users.email, email)).get();
  const valid = user && !user.disabledAt && !user.deletedAt ? await verifyPassword(user.passwordHash, password) : await dummyVerify(password).then(() => false);
  if (!valid || !user) {
    keys.forEach((k) => throttle.fail(k));
    return { ok: false, message: LOGIN_FAILED_MESSAGE };
  }
  keys.forEach((k) => throttle.succeed(k));
  return { ok: true, userId: user.id };
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
  db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  await invalidateUserSessions(userId);
  audit(db, { actorId: userId, action: "user.password", entityType: "user", entityId: userId });
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
  db: DB,
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

/** Always behaves the same to the caller; sends a link only when the account exists. */
export function requestPasswordReset(db: DB, emailRaw: string) {
  const email = normalizeEmail(emailRaw);
  const user = db.select({ id: users.id, disabledAt: users.disabledAt, deletedAt: users.deletedAt }).from(users).where(eq(users.email, email)).get();
  if (!user || user.disabledAt || user.deletedAt) return;
  const token = generateToken();
  db.transaction((tx) => {
    tx.insert(userTokens)
      .values({ tokenHash: hashToken(token), purpose: "passwort-reset", userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) })
      .run();
    enqueueMail(tx, {
      to: email,
      subject: "Passwort zurücksetzen – Städtenetz Südosteuropa",
      text:
        `Guten Tag,\n\nfür Ihr Konto wurde ein neues Passwort angefordert. Dieser Link ist eine Stunde gültig und kann einmal verwendet werden:\n` +
        `${publicLink(`/passwort-vergessen/${token}`)}\n\nWenn Sie das nicht waren, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.\n`,
    });
  });
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
  const userId = db.transaction((tx) => {
    const t = tx
      .update(userTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "passwort-reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())))
      .returning({ userId: userTokens.userId })
      .get();
    if (!t) return null;
    tx.update(users).set({ passwordHash }).where(eq(users.id, t.userId)).run();
    audit(tx, { actorId: t.userId, action: "user.password-reset", entityType: "user", entityId: t.userId });
    return t.userId;
  });
  if (userId) await invalidateUserSessions(userId);
  return userId;
}
