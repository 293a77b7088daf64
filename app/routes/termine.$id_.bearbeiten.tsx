import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formValuesOf, terminFromForm } from "~/components/termine/form.server";
import { TerminForm } from "~/components/termine/TerminForm";
import { listCities } from "~/models/city.server";
import { getTermin, updateTermin } from "~/models/termin.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction = () => titleMeta("Termin bearbeiten");

async function load(request: Request, idParam: string | undefined) {
  const user = await requireUser(request);
  const id = /^\d{1,12}$/.test(idParam ?? "") ? Number(idParam) : 0;
  const t = getTermin(getDb(), id);
  if (!t) throw new Response("Diesen Termin gibt es nicht.", { status: 404 });
  if (!can(toViewer(user), "termin.edit", { cityId: t.cityId })) forbidden("Diesen Termin können nur die Koordination der veranstaltenden Stadt und die Redaktion bearbeiten.");
  return { user, t };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, t } = await load(request, params.id);
  return { id: t.id, titel: t.titel, values: formValuesOf(t), cities: user.role === "koordination" ? null : listCities(getDb()).map((c) => ({ slug: c.slug, name: c.name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, t } = await load(request, params.id);
  const viewer = toViewer(user)!;
  const form = await request.formData();
  const db = getDb();
  const parsed = terminFromForm(db, viewer, form, "Termin bearbeiten");
  if (!parsed.ok) return data({ ...parsed, values: { ...parsed.values, zielgruppen: form.getAll("zielgruppen").map(String), handlungsfelder: form.getAll("handlungsfelder").map(String) } }, { status: 400 });
  updateTermin(db, viewer, t.id, parsed.input);
  return redirect(`/termine/${t.id}`, { headers: { "Set-Cookie": await flashHeader("Änderungen gespeichert.") } });
}

export default function TerminBearbeiten() {
  const { id, titel, values, cities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <Breadcrumbs items={[{ label: "Termine", to: "/termine" }, { label: titel, to: `/termine/${id}` }, { label: "Bearbeiten" }]} />
      <h1>Termin bearbeiten</h1>
      <TerminForm values={actionData?.values ?? values} errors={actionData?.errors} cities={cities} submitLabel="Änderungen speichern" />
    </div>
  );
}
