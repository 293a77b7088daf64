// GET /api/forum/mitglieder?q=mi – suggestions for the composer's @mention autocomplete (with JS; without JS the
// author types the handle). Signed-in members only, rate-limited, at most 8 entries of { handle, name, city } –
// never an e-mail address or id.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { suggestMembers } from "~/models/forum-profile.server";
import { limiter, retryAfter } from "~/services/rate-limit.server";
import { privateJson } from "~/utils/json-response";

const lookups = limiter("forum.mitglieder", 120, 60_000);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return privateJson({ error: "Bitte melden Sie sich an." }, 401);
  const wait = lookups.hit(user.id);
  if (wait > 0) return privateJson({ error: "Zu viele Anfragen. Bitte warten Sie einen Moment." }, 429, retryAfter(wait));
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 80);
  return privateJson({ members: suggestMembers(getDb(), q) });
}
