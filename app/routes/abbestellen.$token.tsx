import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { unsubscribe, verifyUnsubscribeToken } from "~/models/notification.server";
import { titleMeta } from "~/utils/meta";

// One-click unsubscribe from every forum e-mail. The signed token (purpose "abbestellen", valid one year) needs no
// sign-in; a forged, damaged, expired or other-purpose token answers 400 before anything is read or changed. GET only shows the confirmation (link scanners must not unsubscribe anybody);
// POST unsubscribes – from the form, or directly from the mail client (RFC 8058 List-Unsubscribe-Post).

export const meta: MetaFunction = () => titleMeta("E-Mails abbestellen");

function userFrom(token: string | undefined) {
  const userId = verifyUnsubscribeToken(token ?? "");
  if (!userId)
    throw new Response("Dieser Abmeldelink ist ungültig, beschädigt oder abgelaufen (Links gelten ein Jahr). E-Mails bestellen Sie auch unter „Mein Konto“ ab.", { status: 400 });
  return userId;
}

export async function loader({ params }: LoaderFunctionArgs) {
  userFrom(params.token);
  return { ok: true };
}

export async function action({ params }: ActionFunctionArgs) {
  const userId = userFrom(params.token);
  const done = unsubscribe(getDb(), userId);
  if (!done) throw new Response("Dieses Konto gibt es nicht mehr.", { status: 400 });
  return { done: true };
}

export default function Abbestellen() {
  useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>E-Mails abbestellen</h1>
      {a?.done ? (
        <>
          <p className="status-message">Erledigt: Sie bekommen keine E-Mails aus dem Forum mehr.</p>
          <p>
            Ihre Benachrichtigungen sehen Sie weiterhin auf der Website. Sie können E-Mails jederzeit in <Link to="/konto#benachrichtigungen">Mein Konto</Link> wieder
            einschalten.
          </p>
        </>
      ) : (
        <>
          <p>Mit einem Klick bestellen Sie alle E-Mails aus dem Forum ab (Antworten, Erwähnungen, Clearingstelle und die tägliche Zusammenfassung).</p>
          <Form method="post">
            <button type="submit">Keine E-Mails mehr senden</button>
          </Form>
        </>
      )}
    </div>
  );
}
