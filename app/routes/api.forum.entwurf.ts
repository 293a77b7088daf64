// POST /api/forum/entwurf – autosave of the reply composer's draft (with JS; without JS the composer's
// "Entwurf speichern" button does the same through the topic page's action). Form fields: themaId, raw.
// Same-origin is enforced by the server's Origin/Referer guard; members only; bounded; rate-limited.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { getDb } from "~/services/db.server";
import { getTopic } from "~/models/forum.server";
import { saveDraft } from "~/models/forum-drafts.server";
import { limiter, retryAfter } from "~/services/rate-limit.server";
import { LIMITS } from "~/utils/forms";

const autosave = limiter("forum.entwurf", 60, 60_000);
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...headers } });

export async function loader() {
  return json({ error: "Nur POST." }, 405);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "Nur POST." }, 405);
  const user = await getUser(request);
  if (!user) return json({ error: "Bitte melden Sie sich an." }, 401);
  const viewer = toViewer(user);
  if (!can(viewer, "forum.post")) return json({ error: "Keine Berechtigung." }, 403);
  const wait = autosave.hit(user.id);
  if (wait > 0) return json({ error: "Zu viele Speicherungen." }, 429, retryAfter(wait) );
  const form = await request.formData();
  const raw = String(form.get("raw") ?? "");
  if (raw.length > LIMITS.post) return json({ error: "Der Entwurf ist zu lang." }, 413);
  const topic = getTopic(getDb(), Number(form.get("themaId")), viewer);
  if (!topic) return json({ error: "Thema nicht gefunden." }, 404);
  if (topic.lockedAt && !can(viewer, "forum.moderate")) return json({ error: "Das Thema ist gesperrt." }, 403);
  saveDraft(getDb(), user.id, topic.id, raw);
  return json({ ok: true });
}
