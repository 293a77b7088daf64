// "Meine Abos und Lesezeichen": watch/follow/mute of topics and categories, followed searches (the list of
// /konto/suchabos, its feed links stay there) and bookmarks – each changeable in place, every form without JS.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { getTopic, listCategories, setSubscription } from "~/models/forum.server";
import { listMyForumSubscriptions } from "~/models/forum-abos.server";
import { listBookmarks, setBookmark } from "~/models/forum-bookmarks.server";
import { listMySearches, unfollowSearch } from "~/models/abo.server";
import { SUB_LABELS } from "~/components/forum/TopicMeta";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { formatDate } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

const TITLE = "Meine Abos und Lesezeichen";
export const meta: MetaFunction = () => titleMeta(TITLE);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const subs = listMyForumSubscriptions(db, user.id, viewer);
  return {
    topics: subs.topics,
    categories: subs.categories,
    searches: listMySearches(db, user.id).map((s) => ({ id: s.id, label: s.label, filter: s.beschreibung, url: s.url })),
    bookmarks: listBookmarks(db, user.id, viewer).map((b) => ({ ...b, createdAt: b.createdAt.toISOString() })),
  };
}

const LEVELS = new Set(["watch", "follow", "mute", "none"]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = Number(form.get("id"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Unbekannter Eintrag.", { status: 400 });
  const back = async (message: string, hash: string) => redirect(`/konto/abos${hash}`, { headers: { "Set-Cookie": await flashHeader(message) } });
  switch (intent) {
    case "thema": {
      const level = String(form.get("level"));
      if (!LEVELS.has(level)) throw new Response("Ungültige Auswahl.", { status: 400 });
      const topic = getTopic(db, id, viewer);
      if (!topic) throw new Response("Thema nicht gefunden.", { status: 404 });
      setSubscription(db, user.id, { topicId: id }, level as "watch");
      return back(`Einstellung für „${topic.title}“ gespeichert: ${SUB_LABELS[level]}.`, "#themen");
    }
    case "kategorie": {
      const level = String(form.get("level"));
      if (!LEVELS.has(level)) throw new Response("Ungültige Auswahl.", { status: 400 });
      const category = listCategories(db, viewer).find((c) => c.id === id);
      if (!category) throw new Response("Kategorie nicht gefunden.", { status: 404 });
      setSubscription(db, user.id, { categoryId: id }, level as "watch");
      return back(`Einstellung für die Kategorie „${category.name}“ gespeichert: ${SUB_LABELS[level]}.`, "#kategorien");
    }
    case "suche": {
      const ok = unfollowSearch(db, user.id, id);
      return back(ok ? "Sie folgen dieser Suche nicht mehr." : "Dieses Suchabo gibt es nicht mehr.", "#suchen");
    }
    case "lesezeichen": {
      setBookmark(db, user.id, id, false);
      return back("Das Lesezeichen ist entfernt.", "#lesezeichen");
    }
  }
  throw new Response("Unbekannte Aktion.", { status: 400 });
}

function LevelForm({ intent, id, level, name }: { intent: "thema" | "kategorie"; id: number; level: string; name: string }) {
  const fieldId = `abo-${intent}-${id}`;
  return (
    <Form method="post" className="abo-level-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <label htmlFor={fieldId} className="visually-hidden">
        Benachrichtigung für {name}
      </label>
      <select id={fieldId} name="level" defaultValue={level}>
        {Object.entries(SUB_LABELS).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary">
        Speichern<span className="visually-hidden"> ({name})</span>
      </button>
    </Form>
  );
}

export default function MeineAbos() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Mein Konto", to: "/konto" }, { label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p className="lead">
        Hier ändern Sie, worüber wir Sie benachrichtigen, und finden Ihre Lesezeichen. Wie Benachrichtigungen Sie erreichen (sofort, täglich oder nur auf der
        Website), stellen Sie unter <Link to="/konto#benachrichtigungen">Mein Konto</Link> ein.
      </p>

      <section aria-labelledby="themen">
        <h2 id="themen" tabIndex={-1}>
          Themen im Forum
        </h2>
        {d.topics.length === 0 ? (
          <p>Sie beobachten, folgen oder stummschalten noch kein Thema. Wer ein Thema beginnt oder darauf antwortet, beobachtet es automatisch.</p>
        ) : (
          <ul className="abo-list">
            {d.topics.map((t) => (
              <li key={t.topicId}>
                <Link to={t.url}>{t.title}</Link> <span className="muted">in {t.categoryName}</span>
                <LevelForm intent="thema" id={t.topicId} level={t.level} name={t.title} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="kategorien">
        <h2 id="kategorien" tabIndex={-1}>
          Kategorien
        </h2>
        {d.categories.length === 0 ? (
          <p>
            Sie folgen keiner Kategorie. Auf jeder Seite einer Kategorie im <Link to="/forum">Forum</Link> können Sie „Benachrichtigungen für diese Kategorie“
            einstellen.
          </p>
        ) : (
          <ul className="abo-list">
            {d.categories.map((c) => (
              <li key={c.categoryId}>
                <Link to={c.url}>{c.name}</Link>
                <LevelForm intent="kategorie" id={c.categoryId} level={c.level} name={`Kategorie ${c.name}`} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="suchen">
        <h2 id="suchen" tabIndex={-1}>
          Gefolgte Suchen
        </h2>
        {d.searches.length === 0 ? (
          <p>
            Sie folgen keiner Suche. Filtern Sie zum Beispiel die <Link to="/foerderung">Förderprogramme</Link> und wählen Sie „Diese Suche abonnieren“.
          </p>
        ) : (
          <ul className="abo-list">
            {d.searches.map((s) => (
              <li key={s.id}>
                <Link to={s.url}>
                  {s.label}: {s.filter}
                </Link>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="suche" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="secondary">
                    Nicht mehr folgen<span className="visually-hidden"> ({s.label}: {s.filter})</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <p>
          Feed-Links der Suchen: <Link to="/konto/suchabos">Meine Suchabos</Link>.
        </p>
      </section>

      <section aria-labelledby="lesezeichen">
        <h2 id="lesezeichen" tabIndex={-1}>
          Lesezeichen
        </h2>
        {d.bookmarks.length === 0 ? (
          <p>Noch keine Lesezeichen. Unter jedem Beitrag im Forum können Sie mit „Lesezeichen setzen“ einen Beitrag für später merken.</p>
        ) : (
          <ul className="abo-list">
            {d.bookmarks.map((b) => (
              <li key={b.postId}>
                <Link to={b.url}>
                  {b.topicTitle} – Beitrag {b.postNumber}
                </Link>{" "}
                <span className="muted">
                  von {b.authorName} · gemerkt am {formatDate(b.createdAt)}
                </span>
                {b.excerpt ? <p>{b.excerpt}</p> : null}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="lesezeichen" />
                  <input type="hidden" name="id" value={b.postId} />
                  <button type="submit" className="secondary">
                    Lesezeichen entfernen<span className="visually-hidden"> ({b.topicTitle} – Beitrag {b.postNumber})</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
