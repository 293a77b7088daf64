import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { acceptInvitation, findValidInvitation, ValidationError } from "~/models/user.server";
import { createUserSession } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, LIMITS, line, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { passwordPair } from "~/utils/password-schema";
import { ROLES } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Konto anlegen");
const TITLE = "Konto anlegen";

export async function loader({ params }: LoaderFunctionArgs) {
  const inv = findValidInvitation(getDb(), params.token ?? "");
  if (!inv) throw new Response("Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.", { status: 404 });
  return { email: inv.email, role: ROLES[inv.role], cityName: inv.cityName };
}

const schema = z
  .object({ name: line(LIMITS.name, { min: 2, minMessage: "Bitte geben Sie Ihren Namen ein (mindestens 2 Zeichen).", message: "Der Name ist zu lang (höchstens 100 Zeichen)." }) })
  .and(passwordPair("password", "password2"));

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const userId = await acceptInvitation(getDb(), params.token ?? "", { name: parsed.data.name, password: parsed.data.password });
    if (!userId) return data(failure(TITLE, { _form: "Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet." }, form), { status: 400 });
    const headers = new Headers();
    headers.append("Set-Cookie", await createUserSession(userId));
    headers.append("Set-Cookie", await flashHeader("Willkommen! Ihr Konto wurde angelegt."));
    return redirect("/konto", { headers });
  } catch (e) {
    if (e instanceof ValidationError) return data(failure(TITLE, { _form: e.message }, form), { status: 400 });
    throw e;
  }
}

export default function Registrieren() {
  const inv = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  return (
    <div className="narrow">
      <h1>Konto anlegen</h1>
      <p>
        Einladung für <strong>{inv.email}</strong> als {inv.role}
        {inv.cityName ? ` (${inv.cityName})` : ""}.
      </p>
      <ErrorSummary errors={errors} labels={{ name: "Name", password: "Passwort", password2: "Passwort wiederholen" }} />
      <Form method="post" noValidate>
        <TextField name="name" label="Ihr Name" autoComplete="name" required errors={errors} defaultValue={actionData && !actionData.ok ? actionData.values.name : ""} />
        <TextField name="password" label="Passwort" type="password" autoComplete="new-password" required errors={errors} hint="12 bis 128 Zeichen; ein Satz aus mehreren Wörtern ist leicht zu merken und sicher." />
        <TextField name="password2" label="Passwort wiederholen" type="password" autoComplete="new-password" required errors={errors} />
        <button type="submit">Konto anlegen</button>
      </Form>
    </div>
  );
}
