import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { changePassword, getAccount, updateName } from "~/models/user.server";
import { invalidateUserSessions, requireUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { passwordPair } from "~/utils/password-schema";
import { ROLES } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Mein Konto");
const TITLE = "Mein Konto";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = getAccount(getDb(), user.id);
  if (!account) throw new Response("Konto nicht gefunden", { status: 404 });
  return { name: account.name, email: account.email, role: ROLES[account.role], cityName: user.cityName };
}

const nameSchema = z.object({ name: z.string().trim().min(2, "Bitte geben Sie Ihren Namen ein (mindestens 2 Zeichen).").max(100, "Der Name ist zu lang (höchstens 100 Zeichen).") });
const pwSchema = z.object({ currentPassword: z.string().min(1, "Bitte geben Sie Ihr bisheriges Passwort ein.") }).and(passwordPair("newPassword", "newPassword2"));

async function done(message: string, to = "/konto") {
  return redirect(to, { headers: { "Set-Cookie": await flashHeader(message) } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "name") {
    const parsed = parseForm(form, nameSchema, TITLE);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    updateName(db, user.id, parsed.data.name);
    return done("Ihr Name wurde gespeichert.");
  }
  if (intent === "password") {
    const parsed = parseForm(form, pwSchema, TITLE);
    if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
    const ok = await changePassword(db, user.id, parsed.data.currentPassword, parsed.data.newPassword);
    if (!ok) return data({ ...failure(TITLE, { currentPassword: "Das bisherige Passwort ist falsch." }), intent }, { status: 400 });
    return done("Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.", "/anmelden");
  }
  if (intent === "logout-all") {
    await invalidateUserSessions(user.id);
    return done("Sie wurden auf allen Geräten abgemeldet.", "/anmelden");
  }
  return data(failure(TITLE, { _form: "Unbekannte Aktion." }), { status: 400 });
}

export default function Konto() {
  const account = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  const nameErrors = actionData && "intent" in actionData && actionData.intent === "name" ? errors : null;
  const pwErrors = actionData && "intent" in actionData && actionData.intent === "password" ? errors : null;
  return (
    <div className="narrow">
      <h1>Mein Konto</h1>
      <ErrorSummary
        errors={errors}
        labels={{ name: "Name", currentPassword: "Bisheriges Passwort", newPassword: "Neues Passwort", newPassword2: "Neues Passwort wiederholen" }}
      />
      <dl className="facts">
        <dt>E-Mail-Adresse</dt>
        <dd>{account.email}</dd>
        <dt>Rolle</dt>
        <dd>{account.role}</dd>
        <dt>Stadt</dt>
        <dd>{account.cityName ?? "keine"}</dd>
      </dl>

      <section aria-labelledby="name-titel">
        <h2 id="name-titel">Name ändern</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="name" />
          <TextField name="name" label="Name" autoComplete="name" defaultValue={account.name} errors={nameErrors} required />
          <button type="submit">Name speichern</button>
        </Form>
      </section>

      <section aria-labelledby="pw-titel">
        <h2 id="pw-titel">Passwort ändern</h2>
        <p>Nach der Änderung werden Sie auf allen Geräten abgemeldet.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <TextField name="currentPassword" label="Bisheriges Passwort" type="password" autoComplete="current-password" errors={pwErrors} required />
          <TextField name="newPassword" label="Neues Passwort" type="password" autoComplete="new-password" errors={pwErrors} hint="12 bis 128 Zeichen." required />
          <TextField name="newPassword2" label="Neues Passwort wiederholen" type="password" autoComplete="new-password" errors={pwErrors} required />
          <button type="submit">Passwort ändern</button>
        </Form>
      </section>

      <section aria-labelledby="sitzungen-titel">
        <h2 id="sitzungen-titel">Sitzungen</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-all" />
          <button type="submit" className="secondary">
            Auf allen Geräten abmelden
          </button>
        </Form>
      </section>
    </div>
  );
}
