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
import { privateJson } from "~/utils/json-response";

const autosave = limiter("forum.entwurf", 60, 60_000);

export async function loader() {
  return privateJson({ error: "Nur POST." }, 405);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return privateJson({ error: "Nur POST." }, 405);
  const user = await getUser(request);
  if (!user) return privateJson({ error: "Bitte melden Sie sich an." }, 401);
  const viewer = toViewer(user);
  if (!can(viewer, "forum.post")) return privateJson({ error: "Keine Berechtigung." }, 403);
  const wait = autosave.hit(user.id);
  if (wait > 0) return privateJson({ error: "Zu viele Speicherungen." }, 429, retryAfter(wait) );
  const form = await request.formData();
  const raw = String(form.get("raw") ?? "");
  if (raw.length > LIMITS.post) return privateJson({ error: "Der Entwurf ist zu lang." }, 413);
  const topic = getTopic(getDb(), Number(form.get("themaId")), viewer);
  if (!topic) return privateJson({ error: "Thema nicht gefunden." }, 404);
  if (topic.lockedAt && !can(viewer, "forum.moderate")) return privateJson({ error: "Das Thema ist gesperrt." }, 403);
  saveDraft(getDb(), user.id, topic.id, raw);
  return privateJson({ ok: true });
}
