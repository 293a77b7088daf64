import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { getMemberProfile } from "~/models/forum-profile.server";
import { titleMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? data.name : "Mitglied");

/** The profile behind a mention link: name, city, role and recent posts the viewer may read – no e-mail address. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const p = getMemberProfile(getDb(), String(params.handle ?? ""), viewer);
  if (!p) throw new Response("Mitglied nicht gefunden", { status: 404 });
  return {
    handle: p.handle,
    name: p.name,
    cityName: p.cityName,
    roleLabel: p.roleLabel,
    posts: p.posts.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
  };
}

export default function Mitglied() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Forum", to: "/forum" }, { label: d.name }]} />
      <h1>{d.name}</h1>
      <dl className="member-facts">
        <dt>Erwähnen mit</dt>
        <dd>@{d.handle}</dd>
        <dt>Stadt</dt>
        <dd>{d.cityName ?? "keine Stadt angegeben"}</dd>
        <dt>Rolle</dt>
        <dd>{d.roleLabel}</dd>
      </dl>
      <h2>Neueste Beiträge</h2>
      {d.posts.length === 0 ? (
        <p>Noch keine Beiträge.</p>
      ) : (
        <ol className="member-posts">
          {d.posts.map((x) => (
            <li key={x.url}>
              <Link to={x.url}>
                {x.topicTitle} – Beitrag {x.postNumber}
              </Link>{" "}
              <span className="muted">
                <time dateTime={x.createdAt}>{formatDateTime(x.createdAt)}</time>
              </span>
              {x.excerpt ? <p>{x.excerpt}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
