import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isValidResetToken, resetPassword } from "~/models/user.server";
import { getDb } from "~/services/db.server";
import { createUserSession } from "~/services/auth.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { passwordPair } from "~/utils/password-schema";

export const meta: MetaFunction = () => titleMeta("Neues Passwort festlegen");
const TITLE = "Neues Passwort festlegen";
const INVALID = "Dieser Link ist ungültig, abgelaufen oder wurde bereits verwendet. Fordern Sie bitte einen neuen an.";

export async function loader({ params }: LoaderFunctionArgs) {
  // A used, expired or unknown link: say so on the page itself (410), with the way to a new one.
  if (!isValidResetToken(getDb(), params.token ?? "")) return data({ valid: false as const }, { status: 410 });
  return { valid: true as const };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, passwordPair("password", "password2"), TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const userId = await resetPassword(getDb(), params.token ?? "", parsed.data.password);
  if (!userId) return data(failure(TITLE, { _form: INVALID }), { status: 400 });
  // The link proved control of the mailbox: sign in at once (no sign-in throttle stands in the way).
  const headers = new Headers();
  headers.append("Set-Cookie", await createUserSession(userId));
  headers.append("Set-Cookie", await flashHeader("Ihr Passwort wurde geändert. Sie sind angemeldet."));
  return redirect("/", { headers });
}

export default function NeuesPasswort() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  if (!valid) {
    return (
      <div className="narrow">
        <h1>Neues Passwort festlegen</h1>
        <p>{INVALID}</p>
        <p>
          <Link to="/passwort-vergessen">Neuen Link anfordern</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Neues Passwort festlegen</h1>
      <ErrorSummary errors={errors} labels={{ password: "Neues Passwort", password2: "Passwort wiederholen" }} />
      <Form method="post" noValidate>
        <TextField name="password" label="Neues Passwort" type="password" autoComplete="new-password" required errors={errors} hint="12 bis 128 Zeichen." />
        <TextField name="password2" label="Passwort wiederholen" type="password" autoComplete="new-password" required errors={errors} />
        <button type="submit">Passwort speichern</button>
      </Form>
    </div>
  );
}
