// POST /api/forum/vorschau – live preview of the composer (with JS; without JS the composer's "Vorschau" button
// asks the page's action). Form field: raw. The HTML comes from the same renderer and sanitizer as a published
// post (previewHtml → cookPost), never from a client-side Markdown renderer. Members only; bounded; rate-limited.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getUser, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { getDb } from "~/services/db.server";
import { previewHtml } from "~/models/forum.server";
import { limiter, retryAfter } from "~/services/rate-limit.server";
import { LIMITS } from "~/utils/forms";
import { privateJson } from "~/utils/json-response";

const previews = limiter("forum.vorschau", 120, 60_000);

export async function loader() {
  return privateJson({ error: "Nur POST." }, 405);
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return privateJson({ error: "Nur POST." }, 405);
  const user = await getUser(request);
  if (!user) return privateJson({ error: "Bitte melden Sie sich an." }, 401);
  if (!can(toViewer(user), "forum.post")) return privateJson({ error: "Keine Berechtigung." }, 403);
  const wait = previews.hit(user.id);
  if (wait > 0) return privateJson({ error: "Zu viele Vorschauen. Bitte warten Sie einen Moment." }, 429, retryAfter(wait));
  const form = await request.formData();
  const raw = String(form.get("raw") ?? "");
  if (raw.length > LIMITS.post) return privateJson({ error: "Der Beitrag ist zu lang (höchstens 50.000 Zeichen)." }, 413);
  return privateJson({ html: previewHtml(getDb(), raw) });
}
