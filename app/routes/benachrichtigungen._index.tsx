import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { countUnread, listNotifications, markAllRead } from "~/models/notification.server";
import { Pager } from "~/components/forum/TopicMeta";
import { titleMeta } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => titleMeta("Benachrichtigungen");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("seite")) || 1);
  const r = listNotifications(db, user.id, { page });
  return {
    unread: countUnread(db, user.id),
    page: r.page,
    pages: r.pages,
    items: r.rows.map((n) => ({ id: n.id, message: n.message, read: !!n.readAt, createdAt: n.createdAt.toISOString() })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  markAllRead(getDb(), user.id);
  return redirect("/benachrichtigungen", { headers: { "Set-Cookie": await flashHeader("Alle Benachrichtigungen sind als gelesen markiert.") } });
}

export default function Benachrichtigungen() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Benachrichtigungen</h1>
      <p>
        {d.unread === 0 ? "Keine ungelesenen Benachrichtigungen." : `${d.unread} ungelesen.`} Wie oft Sie E-Mails bekommen, stellen Sie in{" "}
        <Link to="/konto#benachrichtigungen">Mein Konto</Link> ein.
      </p>
      {d.unread > 0 ? (
        <Form method="post">
          <button type="submit" className="secondary">
            Alle als gelesen markieren
          </button>
        </Form>
      ) : null}
      {d.items.length === 0 ? (
        <p>Sie haben noch keine Benachrichtigungen.</p>
      ) : (
        <ul className="notification-list">
          {d.items.map((n) => (
            <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
              {!n.read ? <span className="badge badge--warn">neu</span> : null} <a href={`/benachrichtigungen/${n.id}`}>{n.message}</a>{" "}
              <span className="muted">{formatDateTime(n.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <Pager page={d.page} pages={d.pages} href={(p) => `/benachrichtigungen${p > 1 ? `?seite=${p}` : ""}`} label="Seiten der Benachrichtigungen" />
    </>
  );
}
