// POST target of <FollowSearch/>: saves the current filter of a list as an abo and returns to the list.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { followSearch, isAboListe, listPath, MAX_ABOS_PER_USER, normaliseQuery } from "~/models/abo.server";
import { requireUser, toViewer, forbidden } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { limiter, retryAfter } from "~/services/rate-limit.server";

export async function loader() {
  return redirect("/konto/suchabos");
}

const MESSAGES = {
  neu: "Sie folgen jetzt dieser Suche. Neue und geänderte Treffer melden wir Ihnen.",
  bereits: "Sie folgen dieser Suche bereits.",
  "zu-viele": `Sie folgen schon ${MAX_ABOS_PER_USER} Suchen. Bitte beenden Sie zuerst ein Suchabo unter „Meine Suchabos“.`,
  "zu-lang": "Dieser Filter ist zu lang, um ihn zu abonnieren. Bitte wählen Sie weniger Filter.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(toViewer(user), "abo.follow")) forbidden();
  const wait = limiter("abo-folgen", 30, 60_000).hit(user.id);
  if (wait) throw new Response("Zu viele Anfragen. Bitte warten Sie einen Moment.", { status: 429, headers: retryAfter(wait) });
  const form = await request.formData();
  const liste = form.get("liste");
  if (!isAboListe(liste)) throw new Response("Diese Liste kann nicht abonniert werden.", { status: 400 });
  const raw = String(form.get("filter") ?? "").slice(0, 2000);
  const params = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  const result = followSearch(getDb(), user.id, liste, params);
  const back = listPath(liste, normaliseQuery(liste, params));
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(MESSAGES[result.status]) } });
}
