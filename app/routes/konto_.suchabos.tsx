// "Meine Suchabos": the user's followed filters, with unfollow, a secret Atom feed link (shown once when made)
// and revoking it (decision 020).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listMySearches, renewFeedToken, revokeFeedToken, unfollowSearch } from "~/models/abo.server";
import { requireUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { publicLink } from "~/services/mail.server";
import { formatDate } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Meine Suchabos");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = listMySearches(getDb(), user.id).map((r) => ({
    id: r.id,
    label: r.label,
    url: r.url,
    filter: r.beschreibung,
    hasFeed: r.hasFeed,
    createdAt: r.createdAt.toISOString(),
  }));
  return { rows };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const id = Number(form.get("id"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Unbekanntes Suchabo.", { status: 400 });
  const db = getDb();
  if (intent === "unfollow") {
    const ok = unfollowSearch(db, user.id, id);
    return redirect("/konto/suchabos", { headers: { "Set-Cookie": await flashHeader(ok ? "Sie folgen dieser Suche nicht mehr." : "Dieses Suchabo gibt es nicht mehr.") } });
  }
  if (intent === "feed") {
    const token = renewFeedToken(db, user.id, id);
    if (!token) throw new Response("Unbekanntes Suchabo.", { status: 404 });
    return data({ id, feedUrl: publicLink(`/abos/${token}/feed.xml`) }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    revokeFeedToken(db, user.id, id);
    return redirect("/konto/suchabos", { headers: { "Set-Cookie": await flashHeader("Der Feed-Link ist gesperrt. Er funktioniert nicht mehr.") } });
  }
  throw new Response("Unbekannte Aktion.", { status: 400 });
}

export default function Suchabos() {
  const { rows } = useLoaderData<typeof loader>();
  const created = useActionData<typeof action>();
  return (
    <>
      <h1>Meine Suchabos</h1>
      <p className="lead">
        Sie folgen diesen gefilterten Listen. Neue und geänderte Einträge, die passen, melden wir Ihnen auf der Seite „Benachrichtigungen“ und per E-Mail, so
        wie Sie es unter <Link to="/konto">Mein Konto</Link> eingestellt haben (sofort oder als tägliche Zusammenfassung). Bei Förderprogrammen erinnern wir
        Sie außerdem 14 und 3 Tage vor jeder Frist.
      </p>
      {created && "feedUrl" in created ? (
        <section className="notice" aria-labelledby="feed-neu">
          <h2 id="feed-neu">Ihr neuer Feed-Link</h2>
          <p>
            Diesen Link zeigen wir nur jetzt. Wer ihn kennt, kann den Feed lesen – geben Sie ihn nicht weiter. Ein früherer Link dieses Abos funktioniert nicht
            mehr.
          </p>
          <p>
            <a href={created.feedUrl} className="feed-link">
              {created.feedUrl}
            </a>
          </p>
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p>
          Sie folgen noch keiner Suche. Filtern Sie zum Beispiel die <Link to="/foerderung">Förderprogramme</Link> und wählen Sie „Diese Suche abonnieren“.
        </p>
      ) : (
        <ul className="suchabos">
          {rows.map((r) => (
            <li key={r.id}>
              <h2 className="suchabo-title">
                <Link to={r.url}>
                  {r.label}: {r.filter}
                </Link>
              </h2>
              <p className="meta">
                Seit {formatDate(r.createdAt)} · Feed: {r.hasFeed ? "Link vorhanden" : "kein Link"}
              </p>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" name="intent" value="feed" className="button secondary">
                    {r.hasFeed ? "Neuen Feed-Link erzeugen" : "Feed-Link erzeugen"}
                    <span className="visually-hidden"> für {r.label}: {r.filter}</span>
                  </button>
                </Form>
                {r.hasFeed ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" name="intent" value="revoke" className="button secondary">
                      Feed-Link sperren<span className="visually-hidden"> für {r.label}: {r.filter}</span>
                    </button>
                  </Form>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" name="intent" value="unfollow" className="button secondary">
                    Nicht mehr folgen<span className="visually-hidden"> für {r.label}: {r.filter}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
