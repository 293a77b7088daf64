import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listCities } from "~/models/city.server";
import { createInvitation, INVITATION_DAYS, listInvitations } from "~/models/user.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { kickMailDelivery } from "~/services/mail.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { IdempotencyField, useSubmittingKey } from "~/components/ui/IdempotencyField";
import { can } from "~/services/permissions";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { ROLES, keysOf } from "~/utils/taxonomy";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => titleMeta("Einladungen");
const TITLE = "Einladungen";

async function requireInviter(request: Request) {
  const user = await requireUser(request);
  if (user.role !== "admin" && user.role !== "koordination") forbidden();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireInviter(request);
  const db = getDb();
  const isAdmin = user.role === "admin";
  const cities = listCities(db).filter((c) => isAdmin || c.id === user.cityId);
  return {
    isAdmin,
    invitationDays: INVITATION_DAYS,
    idempotencyKey: newIdempotencyKey(),
    cities: cities.map((c) => ({ id: c.id, name: c.name })),
    invitations: listInvitations(db, isAdmin ? undefined : user.cityId ?? -1).map((i) => ({
      id: i.id,
      email: i.email,
      role: ROLES[i.role],
      cityName: i.cityName,
      expiresAt: i.expiresAt.toISOString(),
      used: !!i.usedAt,
    })),
  };
}

const schema = z.object({
  email: z.string().trim().max(254, "Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen).").email("Bitte geben Sie eine gültige E-Mail-Adresse ein."),
  role: z.enum(keysOf(ROLES), { errorMap: () => ({ message: "Bitte wählen Sie eine Rolle." }) }),
  cityId: z.preprocess((v) => (v === "" || v == null ? null : Number(v)), z.number().int().positive().nullable()),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireInviter(request);
  const form = await request.formData();
  const db = getDb();
  // one submit, one invitation: a repeated POST of the same form creates no second invitation (and no second
  // mail). The link itself is never stored outside the mail, so the repeat can only say that it was sent.
  const once = { userId: user.id, route: "verwaltung.einladungen", key: readIdempotencyKey(form) };
  const first = findIdempotentResult(db, once);
  if (first) {
    const r = JSON.parse(first) as { expiresAt: string };
    return { ok: true as const, link: null, email: String(form.get("email") ?? ""), expiresAt: r.expiresAt };
  }
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const { email, role, cityId } = parsed.data;
  // Server-side rule: koordination invites only Mitglieder of their own city.
  if (!can(toViewer(user), "invitation.create", { role, cityId })) forbidden("Sie dürfen nur Mitglieder Ihrer eigenen Stadt einladen.");
  if (role === "koordination" && cityId == null) return data(failure(TITLE, { cityId: "Koordination braucht eine Stadt." }, form), { status: 400 });
  let link: string | null = null;
  const { result } = runIdempotent(db, once, (tx) => {
    const inv = createInvitation(tx, { id: user.id, name: user.name }, { email, role, cityId });
    link = inv.link;
    return JSON.stringify({ invitation: inv.id, expiresAt: inv.expiresAt.toISOString() });
  });
  kickMailDelivery(db);
  return { ok: true as const, link: link as string | null, email, expiresAt: (JSON.parse(result) as { expiresAt: string }).expiresAt };
}

export default function Einladungen() {
  const { isAdmin, invitationDays, cities, invitations, idempotencyKey } = useLoaderData<typeof loader>();
  const busy = useSubmittingKey(idempotencyKey);
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  const roleOptions = isAdmin ? Object.entries(ROLES).map(([value, label]) => ({ value, label })) : [{ value: "mitglied", label: ROLES.mitglied }];
  return (
    <>
      <h1>Einladungen</h1>
      <p>
        Konten gibt es nur auf Einladung. Der Link ist {invitationDays} Tage gültig und kann einmal verwendet werden; er wird per E-Mail verschickt
        und hier einmalig angezeigt.
      </p>
      {actionData?.ok ? (
        <div className="status-message" role="status">
          <p>Einladung an {actionData.email} erstellt und per E-Mail verschickt.</p>
          {actionData.link ? (
            <p>
              Link (gültig bis {formatDate(actionData.expiresAt)}): <code className="break">{actionData.link}</code>
            </p>
          ) : (
            <p>Dieses Formular war schon abgeschickt: Es wurde keine zweite Einladung erstellt. Der Link steht in der E-Mail (gültig bis {formatDate(actionData.expiresAt)}).</p>
          )}
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ email: "E-Mail-Adresse", role: "Rolle", cityId: "Stadt" }} />
      <Form method="post" noValidate key={idempotencyKey}>
        <IdempotencyField value={idempotencyKey} />
        <TextField name="email" label="E-Mail-Adresse" type="email" required errors={errors} defaultValue={actionData && !actionData.ok ? actionData.values.email : ""} />
        <SelectField name="role" label="Rolle" options={roleOptions} errors={errors} defaultValue="mitglied" />
        <SelectField
          name="cityId"
          label="Stadt"
          options={[...(isAdmin ? [{ value: "", label: "keine Stadt" }] : []), ...cities.map((c) => ({ value: String(c.id), label: c.name }))]}
          errors={errors}
        />
        <button type="submit" disabled={busy}>
          Einladung erstellen
        </button>
      </Form>
      <h2>Bisherige Einladungen</h2>
      {invitations.length === 0 ? (
        <p>Noch keine Einladungen.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">E-Mail</th>
                <th scope="col">Rolle</th>
                <th scope="col">Stadt</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>{i.role}</td>
                  <td>{i.cityName ?? "–"}</td>
                  <td>{i.used ? "angenommen" : new Date(i.expiresAt) < new Date() ? "abgelaufen" : `offen bis ${formatDate(i.expiresAt)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
