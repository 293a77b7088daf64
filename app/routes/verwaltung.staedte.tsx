import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { createCity, listCities, restoreCity, updateCity } from "~/models/city.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { body, failure, LIMITS, line, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { ALLIANCE_STATUS, keysOf } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Städte verwalten");
const TITLE = "Städte verwalten";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.cities");
  const all = listCities(getDb(), { includeArchived: true });
  return { cities: all.filter((c) => !c.archivedAt), archived: all.filter((c) => c.archivedAt).map((c) => ({ id: c.id, name: c.name, slug: c.slug })) };
}

const citySchema = z.object({
  slug: line(80).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Kurzname: nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. gelsenkirchen).")),
  name: line(80, { min: 2, minMessage: "Bitte geben Sie den Namen der Stadt ein." }),
  land: line(80, { min: 2, minMessage: "Bitte geben Sie das Bundesland ein." }),
  allianceStatus: z.enum(keysOf(ALLIANCE_STATUS)),
  description: body(LIMITS.text).default(""),
  contact: body(500).default(""),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.cities");
  const db = getDb();
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "restore") {
    const id = Number(form.get("id"));
    const city = listCities(db, { includeArchived: true }).find((c) => c.id === id && c.archivedAt);
    if (!city) return data(failure(TITLE, { _form: "Unbekannte oder nicht archivierte Stadt." }), { status: 400 });
    restoreCity(db, admin.id, id);
    return redirect("/verwaltung/staedte", { headers: { "Set-Cookie": await flashHeader(`${city.name} ist wiederhergestellt.`) } });
  }
  // Deleting needs the confirmation page (/verwaltung/staedte/:id/loeschen); no one-click delete.
  const parsed = parseForm(form, citySchema, TITLE);
  if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
  const existing = listCities(db, { includeArchived: true }).find((c) => c.slug === parsed.data.slug);
  if (intent === "create") {
    if (existing) return data({ ...failure(TITLE, { slug: "Diesen Kurznamen gibt es schon." }, form), intent }, { status: 400 });
    createCity(db, admin.id, parsed.data);
    return redirect("/verwaltung/staedte", { headers: { "Set-Cookie": await flashHeader(`${parsed.data.name} angelegt.`) } });
  }
  if (intent === "update") {
    const id = Number(form.get("id"));
    if (existing && existing.id !== id) return data({ ...failure(TITLE, { slug: "Diesen Kurznamen gibt es schon." }, form), intent }, { status: 400 });
    updateCity(db, admin.id, id, parsed.data);
    return redirect("/verwaltung/staedte", { headers: { "Set-Cookie": await flashHeader(`${parsed.data.name} gespeichert.`) } });
  }
  return data(failure(TITLE, { _form: "Unbekannte Aktion." }), { status: 400 });
}

const statusOptions = Object.entries(ALLIANCE_STATUS).map(([value, label]) => ({ value, label }));

export default function StaedteVerwalten() {
  const { cities, archived } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  const createErrors = actionData && "intent" in actionData && actionData.intent === "create" ? errors : null;
  return (
    <>
      <h1>Städte verwalten</h1>
      <ErrorSummary errors={errors} labels={{ slug: "Kurzname", name: "Name", land: "Bundesland" }} />
      <h2>Neue Stadt</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField name="name" label="Name" required errors={createErrors} defaultValue={createErrors ? actionData?.values?.name : ""} />
        <TextField name="slug" label="Kurzname für Adressen" hint="z. B. gelsenkirchen" required errors={createErrors} defaultValue={createErrors ? actionData?.values?.slug : ""} />
        <TextField name="land" label="Bundesland" defaultValue="Nordrhein-Westfalen" errors={createErrors} />
        <SelectField name="allianceStatus" label="Status im Städtenetz" options={statusOptions} defaultValue="interessiert" />
        <TextArea name="description" label="Beschreibung" rows={3} />
        <TextField name="contact" label="Kontakt (Stelle, keine Privatpersonen)" />
        <button type="submit">Stadt anlegen</button>
      </Form>
      <h2>Alle Städte</h2>
      {cities.map((c) => (
        <details key={c.id} className="card">
          <summary>
            {c.name} <span className="badge">{ALLIANCE_STATUS[c.allianceStatus]}</span>
          </summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={c.id} />
            <div className="field">
              <label htmlFor={`c${c.id}-name`}>Name</label>
              <input id={`c${c.id}-name`} name="name" defaultValue={c.name} />
            </div>
            <div className="field">
              <label htmlFor={`c${c.id}-slug`}>Kurzname</label>
              <input id={`c${c.id}-slug`} name="slug" defaultValue={c.slug} />
            </div>
            <div className="field">
              <label htmlFor={`c${c.id}-land`}>Bundesland</label>
              <input id={`c${c.id}-land`} name="land" defaultValue={c.land} />
            </div>
            <div className="field">
              <label htmlFor={`c${c.id}-status`}>Status</label>
              <select id={`c${c.id}-status`} name="allianceStatus" defaultValue={c.allianceStatus}>
                {statusOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`c${c.id}-desc`}>Beschreibung</label>
              <textarea id={`c${c.id}-desc`} name="description" defaultValue={c.description} rows={3} />
            </div>
            <button type="submit">Speichern</button>
          </Form>
          <p>
            <Link to={`/verwaltung/staedte/${c.id}/loeschen`}>{c.name} löschen …</Link>
          </p>
        </details>
      ))}
      {archived.length > 0 ? (
        <>
          <h2>Archivierte Städte</h2>
          <ul>
            {archived.map((c) => (
              <li key={c.id}>
                <Link to={`/staedte/${c.slug}`}>{c.name}</Link>{" "}
                <Form method="post" className="inline-controls">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" className="secondary">
                    {c.name} wiederherstellen
                  </button>
                </Form>{" "}
                <Link to={`/verwaltung/staedte/${c.id}/loeschen`}>Endgültig löschen …</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
