// Sessions and sign-in. Every lucia call of the app lives in this module (lucia is deprecated upstream;
// replacing it means rewriting only this file). Passwords: argon2id (password.server.ts).
import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { getDb, type DB } from "./db.server";
import { getEnv } from "./env.server";
import { sessions, users, cities } from "../../db/schema/index";
import { can, type Action, type Viewer } from "./permissions";
import type { Role } from "~/utils/taxonomy";
import { safeRedirect } from "~/utils/safe-redirect";

/** A session ends 7 days after its last use (idle) and 30 days after sign-in (absolute), whichever is first. */
export const SESSION_IDLE_MS = 7 * 86_400_000;
export const SESSION_ABSOLUTE_MS = 30 * 86_400_000;
/** The idle deadline moves forward at most once an hour per session (one write an hour, not one per request). */
const IDLE_REFRESH_MS = 3_600_000;

/**
 * lucia's drizzle adapter with the per-request lookup (session + user, on every signed-in request) as two statements
 * prepared once instead of built and prepared on each call; same queries, same result shape as the adapter's own.
 */
class PreparedSessionAdapter extends DrizzleSQLiteAdapter {
  private sessionById;
  private userBySession;
  constructor(db: DB) {
    super(db, sessions, users);
    this.sessionById = db.select().from(sessions).where(eq(sessions.id, sql.placeholder("id"))).prepare();
    this.userBySession = db
      .select(getTableColumns(users))
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare();
  }
  override async getSessionAndUser(sessionId: string): ReturnType<DrizzleSQLiteAdapter["getSessionAndUser"]> {
    const s = this.sessionById.get({ id: sessionId });
    if (!s) return [null, null];
    const u = this.userBySession.get({ id: sessionId });
    const { id: sid, userId, expiresAt, ...sessionAttributes } = s;
    const session = { id: sid, userId, expiresAt: new Date(expiresAt * 1000), attributes: sessionAttributes };
    if (!u) return [session, null];
    const { id: uid, ...userAttributes } = u;
    return [session, { id: uid, attributes: userAttributes }];
  }
}

/** The city of a signed-in user (every signed-in request): prepared once per database handle. */
const cityStatements = new WeakMap<DB, ReturnType<typeof prepareCityLookup>>();
function prepareCityLookup(db: DB) {
  return db.select({ slug: cities.slug, name: cities.name }).from(cities).where(eq(cities.id, sql.placeholder("id"))).prepare();
}
function cityLookup(db: DB) {
  let stmt = cityStatements.get(db);
  if (!stmt) {
    stmt = prepareCityLookup(db);
    cityStatements.set(db, stmt);
  }
  return stmt;
}

function createLucia() {
  const db = getDb();
  const env = getEnv();
  return new Lucia(new PreparedSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(7, "d"),
    sessionCookie: {
      // __Host- under https: the browser then insists on Secure, Path=/ and no Domain attribute.
      name: env.secureCookies ? "__Host-sn_session" : "sn_session",
      // A browser-session cookie: the server decides the lifetime (idle and absolute), so no cookie refresh is needed.
      expires: false,
      attributes: { secure: env.secureCookies, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (a) => ({ createdAt: a.createdAt }),
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      cityId: a.cityId,
      disabledAt: a.disabledAt,
      deletedAt: a.deletedAt,
    }),
  });
}

type LuciaInstance = ReturnType<typeof createLucia>;
declare module "lucia" {
  interface Register {
    Lucia: LuciaInstance;
    // drizzle column property names (the adapter selects the row as drizzle maps it)
    DatabaseSessionAttributes: { createdAt: Date | null };
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: Role;
      cityId: number | null;
      disabledAt: Date | null;
      deletedAt: Date | null;
    };
  }
}

declare global {
  // eslint-disable-next-line no-var
  var __lucia: LuciaInstance | undefined;
}
function lucia(): LuciaInstance {
  globalThis.__lucia ??= createLucia();
  return globalThis.__lucia;
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  cityId: number | null;
  citySlug: string | null;
  cityName: string | null;
};

const cache = new WeakMap<Request, Promise<{ user: SessionUser; session: Session } | null>>();

/** Validates the session cookie once per request. Disabled or deleted users have no session. */
export function getSession(request: Request) {
  let p = cache.get(request);
  if (!p) {
    p = (async () => {
      const id = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
      if (!id) return null;
      const { session, user } = await lucia().validateSession(id);
      if (!session || !user) return null;
      if (user.disabledAt || user.deletedAt) {
        await lucia().invalidateUserSessions(user.id);
        return null;
      }
      const now = Date.now();
      const created = session.createdAt?.getTime();
      // Absolute lifetime; a session from before created_at existed has none and ends here.
      if (!created || now - created >= SESSION_ABSOLUTE_MS) {
        await lucia().invalidateSession(session.id);
        return null;
      }
      // Idle timeout: lucia extends only when half the period is left; keep the deadline at last use + 7 days
      // (within an hour), and never past the absolute end, so deleteExpiredSessions removes it in time.
      const target = Math.min(now + SESSION_IDLE_MS, created + SESSION_ABSOLUTE_MS);
      if (target - session.expiresAt.getTime() > IDLE_REFRESH_MS || session.expiresAt.getTime() > created + SESSION_ABSOLUTE_MS) {
        getDb().update(sessions).set({ expiresAt: Math.floor(target / 1000) }).where(eq(sessions.id, session.id)).run();
      }
      return { session, user: await toSessionUser(user) };
    })();
    cache.set(request, p);
  }
  return p;
}

async function toSessionUser(user: User): Promise<SessionUser> {
  let citySlug: string | null = null;
  let cityName: string | null = null;
  if (user.cityId != null) {
    const c = cityLookup(getDb()).get({ id: user.cityId });
    citySlug = c?.slug ?? null;
    cityName = c?.name ?? null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, cityId: user.cityId, citySlug, cityName };
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

export function toViewer(user: SessionUser | null): Viewer {
  return user ? { id: user.id, role: user.role, cityId: user.cityId } : null;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const to = safeRedirect(url.pathname + url.search);
  throw redirect(`/anmelden?redirectTo=${encodeURIComponent(to)}`);
}

/** Signed-in user or a redirect to the sign-in page (same-site return path only). */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) loginRedirect(request);
  return user;
}

export function forbidden(message = "Sie haben keine Berechtigung für diese Seite."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role) && user.role !== "admin") forbidden();
  return user;
}

/** Signed-in user who may do `action` on `resource`; else redirect (guest) or 403. */
export async function requirePermission(
  request: Request,
  action: Action,
  resource?: Parameters<typeof can>[2],
): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(toViewer(user), action, resource)) forbidden();
  return user;
}

/** A fresh session (new id every sign-in); returns the Set-Cookie header value. */
export async function createUserSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, { createdAt: new Date() });
  return lucia().createSessionCookie(session.id).serialize();
}

export async function logout(request: Request): Promise<string> {
  const s = await getSession(request);
  if (s) await lucia().invalidateSession(s.session.id);
  return lucia().createBlankSessionCookie().serialize();
}

/** Ends every session of a user (password change, role change, disabled). */
export async function invalidateUserSessions(userId: string) {
  await lucia().invalidateUserSessions(userId);
}

export async function deleteExpiredSessions() {
  await lucia().deleteExpiredSessions();
}
