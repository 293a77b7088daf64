import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { kickResetRequests, requestPasswordReset } from "~/models/user.server";
import { getDb } from "~/services/db.server";
import { clientIp, limiter, retryAfter, passRetryAfter } from "~/services/rate-limit.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";

export const headers = passRetryAfter;
export const meta: MetaFunction = () => titleMeta("Passwort vergessen");
const TITLE = "Passwort vergessen";
const SENT = "Wenn zu dieser Adresse ein Konto besteht, haben wir einen Link zum Zurücksetzen geschickt. Er ist eine Stunde gültig.";

const schema = z.object({ email: z.string().trim().max(254, "Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).").email("Bitte geben Sie eine gültige E-Mail-Adresse ein.") });

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const wait = limiter("password-reset", 5, 15 * 60_000).hit(clientIp(request));
  if (wait > 0)
    return data(failure(TITLE, { _form: `Zu viele Anfragen. Bitte versuchen Sie es in ${Math.ceil(wait / 60)} Minuten erneut.` }, form), { status: 429, headers: retryAfter(wait) });
  // The same single insert for known and unknown addresses; the mail is built after the response.
  const db = getDb();
  requestPasswordReset(db, parsed.data.email);
  kickResetRequests(db);
  return { ok: true as const, message: SENT };
}

export default function PasswortVergessen() {
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  return (
    <div className="narrow">
      <h1>Passwort vergessen</h1>
      {actionData?.ok ? (
        <p className="status-message">{actionData.message}</p>
      ) : (
        <>
          <p>Geben Sie die E-Mail-Adresse Ihres Kontos ein. Sie erhalten einen Link, mit dem Sie ein neues Passwort festlegen.</p>
          <ErrorSummary errors={errors} labels={{ email: "E-Mail-Adresse" }} />
          <Form method="post" noValidate>
            <TextField name="email" label="E-Mail-Adresse" type="email" autoComplete="email" required errors={errors} />
            <button type="submit">Link anfordern</button>
          </Form>
        </>
      )}
    </div>
  );
}
