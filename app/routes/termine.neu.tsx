import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { terminFromForm } from "~/components/termine/form.server";
import { TerminForm } from "~/components/termine/TerminForm";
import { listCities } from "~/models/city.server";
import { createTermin } from "~/models/termin.server";
import { requirePermission, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction = () => titleMeta("Neuer Termin");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "termin.create");
  return { cities: user.role === "koordination" ? null : listCities(getDb()).map((c) => ({ slug: c.slug, name: c.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "termin.create");
  const viewer = toViewer(user)!;
  const form = await request.formData();
  const db = getDb();
  const parsed = terminFromForm(db, viewer, form, "Neuer Termin");
  if (!parsed.ok) return data({ ...parsed, values: { ...parsed.values, zielgruppen: form.getAll("zielgruppen").map(String), handlungsfelder: form.getAll("handlungsfelder").map(String) } }, { status: 400 });
  const { id } = createTermin(db, viewer, parsed.input);
  return redirect(`/termine/${id}`, { headers: { "Set-Cookie": await flashHeader("Termin gespeichert.") } });
}

export default function TerminNeu() {
  const { cities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <Breadcrumbs items={[{ label: "Termine", to: "/termine" }, { label: "Neuer Termin" }]} />
      <h1>Neuer Termin</h1>
      <TerminForm values={actionData?.values ?? {}} errors={actionData?.errors} cities={cities} submitLabel="Termin speichern" />
    </div>
  );
}
