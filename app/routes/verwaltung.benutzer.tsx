import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listCities } from "~/models/city.server";
import { listUsers, setUserDisabled, setUserRole, ValidationError } from "~/models/user.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { ROLES, keysOf } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Benutzer");
const TITLE = "Benutzer";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.users");
  const db = getDb();
  return {
    users: listUsers(db).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      cityId: u.cityId,
      cityName: u.cityName,
      disabled: !!u.disabledAt,
      deleted: !!u.deletedAt,
    })),
    // archived cities stay selectable here so a member of one keeps the city when the role is saved
    cities: listCities(db, { includeArchived: true }).map((c) => ({ id: c.id, name: c.archivedAt ? `${c.name} (archiviert)` : c.name })),
  };
}

const roleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(keysOf(ROLES), { errorMap: () => ({ message: "Bitte wählen Sie eine Rolle." }) }),
  cityId: z.preprocess((v) => (v === "" || v == null ? null : Number(v)), z.number().int().positive().nullable()),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.users");
  const db = getDb();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "role") {
    const parsed = parseForm(form, roleSchema, TITLE);
    if (!parsed.ok) return data(parsed, { status: 400 });
    try {
      await setUserRole(db, admin.id, parsed.data.userId, parsed.data.role, parsed.data.cityId);
    } catch (e) {
      if (e instanceof ValidationError) return data(failure(TITLE, { [`${e.field}-${parsed.data.userId}`]: e.message }), { status: 400 });
      throw e;
    }
    return redirect("/verwaltung/benutzer", { headers: { "Set-Cookie": await flashHeader("Rolle gespeichert.") } });
  }
  if (intent === "disable" || intent === "enable") {
    const userId = String(form.get("userId") ?? "");
    if (userId === admin.id) return data(failure(TITLE, { _form: "Sie können Ihr eigenes Konto nicht sperren." }), { status: 400 });
    await setUserDisabled(db, admin.id, userId, intent === "disable");
    return redirect("/verwaltung/benutzer", { headers: { "Set-Cookie": await flashHeader(intent === "disable" ? "Konto gesperrt." : "Konto entsperrt.") } });
  }
  return data(failure(TITLE, { _form: "Unbekannte Aktion." }), { status: 400 });
}

export default function Benutzer() {
  const { users, cities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Benutzer</h1>
      <ErrorSummary errors={actionData && !actionData.ok ? actionData.errors : null} />
      <div className="table-wrap">
        <table className="stack-cards">
          <caption className="visually-hidden">Alle Konten mit Rolle und Stadt</caption>
          <thead>
            <tr>
              <th scope="col">Name und E-Mail</th>
              <th scope="col">Rolle und Stadt</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td data-label="Name und E-Mail">
                  {u.name}
                  <br />
                  <span className="muted break">{u.email}</span>
                </td>
                <td data-label="Rolle und Stadt">
                  <Form method="post" className="inline-role-form">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={u.id} />
                    <label htmlFor={`feld-role-${u.id}`} className="visually-hidden">
                      Rolle von {u.name}
                    </label>
                    <select id={`feld-role-${u.id}`} name="role" defaultValue={u.role}>
                      {Object.entries(ROLES).map(([k, l]) => (
                        <option key={k} value={k}>
                          {l}
                        </option>
                      ))}
                    </select>{" "}
                    <label htmlFor={`feld-cityId-${u.id}`} className="visually-hidden">
                      Stadt von {u.name}
                    </label>
                    <select id={`feld-cityId-${u.id}`} name="cityId" defaultValue={u.cityId ?? ""}>
                      <option value="">keine Stadt</option>
                      {cities.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="secondary">
                      Speichern<span className="visually-hidden"> für {u.name}</span>
                    </button>
                  </Form>
                </td>
                <td data-label="Status">
                  {u.deleted ? (
                    "gelöscht"
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="intent" value={u.disabled ? "enable" : "disable"} />
                      {u.disabled ? <span className="badge badge--fail">gesperrt</span> : <span className="badge badge--ok">aktiv</span>}{" "}
                      <button type="submit" className="link-button">
                        {u.disabled ? "Entsperren" : "Sperren"}
                        <span className="visually-hidden"> {u.name}</span>
                      </button>{" "}
                      <Link to={`/verwaltung/benutzer/${u.id}/loeschen`}>
                        Löschen …<span className="visually-hidden"> ({u.name})</span>
                      </Link>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
