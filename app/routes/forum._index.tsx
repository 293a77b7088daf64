import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { ensureCategories, listAllCategories, listCategories, listTopics } from "~/models/forum.server";
import { titleMeta } from "~/utils/meta";
import { formatNumber } from "~/utils/format";
import { TopicStatusLine } from "~/components/forum/TopicStatusLine";

export const meta: MetaFunction = () => titleMeta("Forum", "Fachforum der Städte: Fragen stellen, Antworten aus anderen Städten, Clearingstelle.");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  if (listAllCategories(db).length === 0) ensureCategories(db); // a fresh installation without demo data
  const categories = listCategories(db, viewer).map((c) => ({
    slug: c.slug,
    name: c.name,
    description: c.description,
    members: c.visibility === "members",
    isClearing: c.isClearing,
    topicCount: c.topicCount,
  }));
  const latest = listTopics(db, { viewer, perPage: 10 }).topics.map((t) => ({
    id: t.id,
    title: t.title,
    categorySlug: t.categorySlug,
    categoryName: t.categoryName,
    status: t.clearingStatus,
    lastPostAt: t.lastPostAt.toISOString(),
    postCount: t.postCount,
    accepted: t.accepted != null,
    locked: !!t.locked,
    unread: t.unread,
    isNew: t.isNew,
    firstUnread: t.unread && t.lastRead != null ? t.lastRead + 1 : null,
  }));
  return { categories, latest, signedIn: !!viewer };
}

export default function ForumIndex() {
  const { categories, latest, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Fachforum</h1>
      <p>
        Fragen Sie Kolleginnen und Kollegen in anderen Städten. Fragen von allgemeinem Interesse, die keine Stadt allein klären kann, gibt die
        städtische Koordination an die <Link to="/clearingstelle">Clearingstelle</Link>.
      </p>
      {!signedIn ? <p className="notice">Einige Kategorien sind nur für angemeldete Mitglieder sichtbar.</p> : null}
      <p>
        <a href="/forum/feed.xml" type="application/atom+xml">
          Neue Themen als Feed (Atom)
        </a>
      </p>
      <h2>Kategorien</h2>
      <ul className="cards">
        {categories.map((c) => (
          <li key={c.slug} className="card">
            <h3>
              <Link to={`/forum/${c.slug}`}>{c.name}</Link>
            </h3>
            <p>{c.description}</p>
            <p className="muted">
              {formatNumber(c.topicCount)} {c.topicCount === 1 ? "Thema" : "Themen"}
              {c.members ? " · nur für Mitglieder" : ""}
            </p>
          </li>
        ))}
      </ul>
      <h2>Neueste Themen</h2>
      {latest.length === 0 ? (
        <p>Noch keine Themen.</p>
      ) : (
        <ul className="forum-topic-list">
          {latest.map((t) => (
            <li key={t.id}>
              <Link to={`/forum/${t.categorySlug}/${t.id}`}>{t.title}</Link>
              <TopicStatusLine t={{ ...t, url: `/forum/${t.categorySlug}/${t.id}` }} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
