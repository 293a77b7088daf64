import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getUser, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { getCategory, getSubscription, listTopics, setSubscription } from "~/models/forum.server";
import { listCities } from "~/models/city.server";
import { titleMeta } from "~/utils/meta";
import { formatNumber } from "~/utils/format";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";
import { Pager, SUB_LABELS } from "~/components/forum/TopicMeta";
import { TopicStatusLine } from "~/components/forum/TopicStatusLine";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Forum: ${data.category.name}` : "Forum");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const category = getCategory(db, params.kategorie ?? "", viewer);
  if (!category) throw new Response("Kategorie nicht gefunden", { status: 404 });
  const url = new URL(request.url);
  const sort = url.searchParams.get("sortierung") === "unbeantwortet" ? "unbeantwortet" : "aktivitaet";
  const feld = url.searchParams.get("feld") ?? "";
  const stadt = url.searchParams.get("stadt") ?? "";
  const page = Math.max(1, Number(url.searchParams.get("seite")) || 1);
  const result = listTopics(db, { viewer, categoryId: category.id, sort, feld: feld || undefined, stadt: stadt || undefined, page });
  const cities = listCities(db);
  return {
    category: { slug: category.slug, name: category.name, description: category.description, members: category.visibility === "members" },
    filters: { sort, feld, stadt },
    cities: cities.map((c) => ({ slug: c.slug, name: c.name })),
    topics: result.topics.map((t) => ({
      id: t.id,
      title: t.title,
      handlungsfelder: t.handlungsfelder,
      staedte: t.staedte,
      status: t.clearingStatus,
      accepted: t.accepted != null,
      locked: !!t.locked,
      postCount: t.postCount,
      lastPostAt: t.lastPostAt.toISOString(),
      authorName: t.authorName,
      unread: t.unread,
      isNew: t.isNew,
      firstUnread: t.unread && t.lastRead != null ? t.lastRead + 1 : null,
    })),
    page: result.page,
    pages: result.pages,
    total: result.total,
    canPost: can(viewer, "forum.post"),
    subscription: user ? getSubscription(db, user.id, { categoryId: category.id }) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const category = getCategory(db, params.kategorie ?? "", toViewer(user));
  if (!category) throw new Response("Kategorie nicht gefunden", { status: 404 });
  const form = await request.formData();
  const level = String(form.get("level"));
  if (!["watch", "follow", "mute", "none"].includes(level)) throw new Response("Ungültige Auswahl", { status: 400 });
  setSubscription(db, user.id, { categoryId: category.id }, level as "watch");
  return redirect(`/forum/${category.slug}`, { headers: { "Set-Cookie": await flashHeader("Ihre Benachrichtigungseinstellung für diese Kategorie ist gespeichert.") } });
}

export default function Kategorie() {
  const d = useLoaderData<typeof loader>();
  const cityNames = Object.fromEntries(d.cities.map((c) => [c.slug, c.name]));
  const qs = (p: number) => {
    const s = new URLSearchParams();
    if (d.filters.sort !== "aktivitaet") s.set("sortierung", d.filters.sort);
    if (d.filters.feld) s.set("feld", d.filters.feld);
    if (d.filters.stadt) s.set("stadt", d.filters.stadt);
    if (p > 1) s.set("seite", String(p));
    const str = s.toString();
    return `/forum/${d.category.slug}${str ? `?${str}` : ""}`;
  };
  return (
    <>
      <Breadcrumbs items={[{ label: "Forum", to: "/forum" }, { label: d.category.name }]} />
      <h1>{d.category.name}</h1>
      <p>{d.category.description}</p>
      {d.canPost ? (
        <p>
          <Link to={`/forum/${d.category.slug}/neu`} className="button">
            Neues Thema
          </Link>
        </p>
      ) : (
        <p>
          <Link to={`/anmelden?redirectTo=/forum/${d.category.slug}`}>Melden Sie sich an</Link>, um eine Frage zu stellen.
        </p>
      )}
      <Form method="get" className="forum-filters" aria-label="Themen filtern">
        <div className="field">
          <label htmlFor="filter-sortierung">Sortierung</label>
          <select id="filter-sortierung" name="sortierung" defaultValue={d.filters.sort}>
            <option value="aktivitaet">Letzte Aktivität</option>
            <option value="unbeantwortet">Unbeantwortet</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-feld">Handlungsfeld</label>
          <select id="filter-feld" name="feld" defaultValue={d.filters.feld}>
            <option value="">alle</option>
            {Object.entries(HANDLUNGSFELDER).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-stadt">Stadt</label>
          <select id="filter-stadt" name="stadt" defaultValue={d.filters.stadt}>
            <option value="">alle</option>
            {d.cities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Anwenden</button>
      </Form>
      <h2>
        {formatNumber(d.total)} {d.total === 1 ? "Thema" : "Themen"}
      </h2>
      {d.topics.length === 0 ? (
        <p>Keine Themen gefunden.</p>
      ) : (
        <ul className="forum-topic-list">
          {d.topics.map((t) => (
            <li key={t.id} className="forum-topic-item">
              <h3>
                <Link to={`/forum/${d.category.slug}/${t.id}`}>{t.title}</Link>
              </h3>
              <TopicStatusLine t={{ ...t, url: `/forum/${d.category.slug}/${t.id}` }} cityNames={cityNames} />
            </li>
          ))}
        </ul>
      )}
      <Pager page={d.page} pages={d.pages} href={qs} label="Seiten der Themenliste" />
      {d.subscription !== null || d.canPost ? (
        <section aria-labelledby="kat-abo">
          <h2 id="kat-abo">Benachrichtigungen für diese Kategorie</h2>
          <Form method="post">
            <div className="field">
              <label htmlFor="kat-level">Einstellung</label>
              <select id="kat-level" name="level" defaultValue={d.subscription ?? "none"}>
                {Object.entries(SUB_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary">
              Speichern
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
