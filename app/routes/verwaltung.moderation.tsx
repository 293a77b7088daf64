import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { dismissFlags, getPostById, listHiddenPosts, listOpenFlags, setPostHidden } from "~/models/forum.server";
import { titleMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { flagReasonLabel } from "~/utils/flag-reasons";

export const meta: MetaFunction = () => titleMeta("Moderation");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "forum.moderate");
  const db = getDb();
  return {
    flags: listOpenFlags(db).map((f) => ({
      id: f.id,
      reason: flagReasonLabel(f.reason),
      createdAt: f.createdAt.toISOString(),
      flaggerName: f.flaggerName ?? "ehemaliges Mitglied",
      postId: f.postId,
      postNumber: f.postNumber,
      excerpt: f.raw.slice(0, 300),
      hidden: !!f.hiddenAt,
      url: `/forum/${f.categorySlug}/${f.topicId}?beitrag=${f.postNumber}#beitrag-${f.postNumber}`,
      topicTitle: f.topicTitle,
    })),
    hidden: listHiddenPosts(db).map((h) => ({ postId: h.postId, postNumber: h.postNumber, topicTitle: h.topicTitle, url: `/forum/${h.categorySlug}/${h.topicId}?beitrag=${h.postNumber}#beitrag-${h.postNumber}` })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "forum.moderate");
  const db = getDb();
  const form = await request.formData();
  const post = getPostById(db, Number(form.get("postId")));
  if (!post) throw new Response("Beitrag nicht gefunden", { status: 404 });
  const intent = form.get("intent");
  if (intent === "hide") setPostHidden(db, post.id, true, user);
  else if (intent === "restore") setPostHidden(db, post.id, false, user);
  else if (intent === "dismiss") dismissFlags(db, post.id, user);
  else throw new Response("Unbekannte Aktion", { status: 400 });
  const msg = intent === "hide" ? "Beitrag ausgeblendet." : intent === "restore" ? "Beitrag wieder eingeblendet." : "Meldung ohne Maßnahme erledigt.";
  return redirect("/verwaltung/moderation", { headers: { "Set-Cookie": await flashHeader(msg) } });
}

export default function Moderation() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Moderation</h1>
      <p>Gemeldete Beiträge prüfen. Sperren, Verschieben, Teilen und Notizen finden Sie auf der Seite des Themas. Jede Aktion steht im Protokoll.</p>
      <h2>Offene Meldungen ({d.flags.length})</h2>
      {d.flags.length === 0 ? (
        <p>Keine offenen Meldungen.</p>
      ) : (
        <ul className="moderation-queue">
          {d.flags.map((f) => (
            <li key={f.id} className="card">
              <h3>
                <Link to={f.url}>
                  {f.topicTitle}, Beitrag {f.postNumber}
                </Link>
              </h3>
              <p>
                Gemeldet von {f.flaggerName} am {formatDateTime(f.createdAt)}. Grund: <strong>{f.reason.label}</strong>
              </p>
              {f.reason.detail ? <p className="pre-line">Anmerkung: {f.reason.detail}</p> : null}
              <blockquote className="pre-line">{f.excerpt}</blockquote>
              <div className="actions">
                <Form method="post">
                  <input type="hidden" name="postId" value={f.postId} />
                  <input type="hidden" name="intent" value={f.hidden ? "restore" : "hide"} />
                  <button type="submit">{f.hidden ? "Wieder einblenden" : "Beitrag ausblenden"}<span className="visually-hidden"> (Meldung {f.id})</span></button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="postId" value={f.postId} />
                  <input type="hidden" name="intent" value="dismiss" />
                  <button type="submit" className="secondary">
                    Ohne Maßnahme erledigen<span className="visually-hidden"> (Meldung {f.id})</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2>Ausgeblendete Beiträge</h2>
      {d.hidden.length === 0 ? (
        <p>Keine.</p>
      ) : (
        <ul>
          {d.hidden.map((h) => (
            <li key={h.postId}>
              <Link to={h.url}>
                {h.topicTitle}, Beitrag {h.postNumber}
              </Link>
              <Form method="post" className="inline-form">
                <input type="hidden" name="postId" value={h.postId} />
                <input type="hidden" name="intent" value="restore" />{" "}
                <button type="submit" className="link-button">
                  Wieder einblenden<span className="visually-hidden"> ({h.topicTitle}, Beitrag {h.postNumber})</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
