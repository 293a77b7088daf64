import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { changePassword, getAccount, updateName } from "~/models/user.server";
import { invalidateUserSessions, requireUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, LIMITS, line, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { passwordPair } from "~/utils/password-schema";
import { ROLES } from "~/utils/taxonomy";
import { setEmailPref } from "~/models/notification.server";
import { deleteAccount } from "~/models/dsgvo.server";
import { EXPORT_ZIP_MAX_LABEL } from "~/utils/dateien";

export const meta: MetaFunction = () => titleMeta("Mein Konto");
const TITLE = "Mein Konto";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = getAccount(getDb(), user.id);
  if (!account) throw new Response("Konto nicht gefunden", { status: 404 });
  return { name: account.name, email: account.email, role: ROLES[account.role], cityName: user.cityName, emailPref: account.emailPref };
}

const nameSchema = z.object({ name: line(LIMITS.name, { min: 2, minMessage: "Bitte geben Sie Ihren Namen ein (mindestens 2 Zeichen).", message: "Der Name ist zu lang (höchstens 100 Zeichen)." }) });
const pwSchema = z.object({ currentPassword: z.string().min(1, "Bitte geben Sie Ihr bisheriges Passwort ein.").max(1024, "Das Passwort ist zu lang (höchstens 1.024 Zeichen).") }).and(passwordPair("newPassword", "newPassword2"));

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
  if (intent === "email-pref") {
    const pref = form.get("emailPref");
    if (pref !== "sofort" && pref !== "taeglich" && pref !== "nie") return data({ ...failure(TITLE, { emailPref: "Bitte wählen Sie eine Einstellung." }), intent }, { status: 400 });
    setEmailPref(db, user.id, pref);
    return done("Ihre E-Mail-Einstellung ist gespeichert.");
  }
  if (intent === "delete-account") {
    if (form.get("confirmDelete") !== "1") {
      return data({ ...failure(TITLE, { confirmDelete: "Bitte bestätigen Sie, dass Sie Ihr Konto endgültig löschen möchten." }), intent }, { status: 400 });
    }
    deleteAccount(db, user.id);
    await invalidateUserSessions(user.id);
    return done("Ihr Konto ist gelöscht. Ihre Beiträge stehen jetzt unter „ehemaliges Mitglied“.", "/");
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
  const deleteErrors = actionData && "intent" in actionData && actionData.intent === "delete-account" ? errors : null;
  return (
    <div className="narrow">
      <h1>Mein Konto</h1>
      <ErrorSummary
        errors={errors}
        labels={{ confirmDelete: "Konto löschen", emailPref: "E-Mail-Benachrichtigungen", name: "Name", currentPassword: "Bisheriges Passwort", newPassword: "Neues Passwort", newPassword2: "Neues Passwort wiederholen" }}
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
          <TextField name="name" label="Name" autoComplete="name" defaultValue={nameErrors && actionData && "values" in actionData ? (actionData.values.name ?? "") : account.name} errors={nameErrors} required />
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

      <section aria-labelledby="benachrichtigungen">
        <h2 id="benachrichtigungen">E-Mail-Benachrichtigungen</h2>
        <p>
          Benachrichtigungen aus dem Forum sehen Sie immer unter <a href="/benachrichtigungen">Benachrichtigungen</a>. Per E-Mail bekommen Sie sie:
        </p>
        <p>Gefolgte Suchen (Förderung) und ihre Feed-Links: <a href="/konto/suchabos">Meine Suchabos</a>.</p>
        <p>
          Beobachtete Themen, Kategorien, gefolgte Suchen und Lesezeichen an einem Ort: <a href="/konto/abos">Meine Abos und Lesezeichen</a>.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="email-pref" />
          <fieldset>
            <legend>E-Mail-Benachrichtigungen</legend>
            {[
              ["sofort", "sofort (eine E-Mail je Ereignis)"],
              ["taeglich", "täglich (eine Zusammenfassung am Tag)"],
              ["nie", "nie (nur auf der Website)"],
            ].map(([value, label]) => (
              <div className="checkbox" key={value}>
                <input type="radio" id={`email-pref-${value}`} name="emailPref" value={value} defaultChecked={account.emailPref === value} />
                <label htmlFor={`email-pref-${value}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit">E-Mail-Einstellung speichern</button>
        </Form>
      </section>

      <section aria-labelledby="daten-titel">
        <h2 id="daten-titel">Meine Daten</h2>
        <p>
          <a href="/konto/daten.json" download>
            Meine Daten herunterladen
          </a>{" "}
          (JSON-Datei mit Konto, Themen, Beiträgen und deren früheren Fassungen, Änderungsvorschlägen, Meldungen, Projekt-Neuigkeiten, „betrifft uns auch“-Markierungen, Abonnements und Benachrichtigungen)
        </p>
        <p>
          <a href="/konto/daten.zip" download>
            Meine Daten mit meinen hochgeladenen Dateien herunterladen
          </a>{" "}
          (ZIP-Datei: dieselbe JSON-Datei und alle Dateien, die Sie hochgeladen haben, auch frühere Fassungen; zusammen bis {EXPORT_ZIP_MAX_LABEL} – was darüber
          hinausgeht, nennt die Datei „nicht-enthalten.txt“, und die Redaktion stellt es Ihnen auf Anfrage bereit)
        </p>
      </section>

      <section aria-labelledby="loeschen-titel">
        <h2 id="loeschen-titel">Konto löschen</h2>
        <p>
          Ihr Name, Ihre E-Mail-Adresse (auch in Einladungen und gespeicherten E-Mails), Ihr Passwort, Ihre Abonnements und Benachrichtigungen werden gelöscht und Sie werden abgemeldet. Ihre
          Forenbeiträge bleiben stehen und werden „ehemaliges Mitglied“ zugeordnet. Das lässt sich nicht rückgängig machen.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="delete-account" />
          <div className={`checkbox${deleteErrors?.confirmDelete ? " field--error" : ""}`}>
            <input type="checkbox" id="feld-confirmDelete" name="confirmDelete" value="1" aria-describedby={deleteErrors?.confirmDelete ? "feld-confirmDelete-fehler" : undefined} />
            <label htmlFor="feld-confirmDelete">Ja, ich möchte mein Konto endgültig löschen.</label>
          </div>
          {deleteErrors?.confirmDelete ? (
            <p className="field-error" id="feld-confirmDelete-fehler">
              {deleteErrors.confirmDelete}
            </p>
          ) : null}
          <button type="submit" className="danger">
            Konto löschen
          </button>
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
