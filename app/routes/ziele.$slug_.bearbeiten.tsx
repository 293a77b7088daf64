import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { zielSchema } from "~/components/ziele/ziel-schema";
import { ZielForm } from "~/components/ziele/ZielForm";
import { getZiel, saveZiel } from "~/models/ziel.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Ziel bearbeiten: ${data.title}` : "Ziel nicht gefunden");

function load(slug: string | undefined) {
  const z = getZiel(getDb(), slug ?? "");
  if (!z) throw new Response("Dieses Ziel gibt es nicht.", { status: 404 });
  return z;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "ziel.manage");
  const z = load(params.slug);
  return {
    slug: z.slug,
    title: z.title,
    values: {
      title: z.title,
      definition: z.definition,
      unit: z.unit,
      aggregation: z.aggregation,
      targetValue: z.targetValue == null ? "" : String(z.targetValue).replace(".", ","),
      targetDate: z.targetDate ?? "",
      handlungsfeld: z.handlungsfeld,
    } as Record<string, string>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ziel.manage");
  const z = load(params.slug);
  const form = await request.formData();
  const parsed = parseForm(form, zielSchema, "Ziel bearbeiten");
  if (!parsed.ok) return data(parsed, { status: 400 });
  const d = parsed.data;
  // editing keeps the slug (links and project mappings point to it); saving the same values again is harmless
  saveZiel(getDb(), user.id, { slug: z.slug, title: d.title, definition: d.definition, unit: d.unit, aggregation: d.aggregation, targetValue: d.targetValue ?? null, targetDate: d.targetDate ?? null, handlungsfeld: d.handlungsfeld }, { reason: "Geändert" });
  return redirect(`/ziele/${z.slug}`, { headers: { "Set-Cookie": await flashHeader("Ziel gespeichert.") } });
}

export default function ZielBearbeiten() {
  const { slug, title, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <Breadcrumbs items={[{ label: "Ziele", to: "/ziele" }, { label: title, to: `/ziele/${slug}` }, { label: "Bearbeiten" }]} />
      <h1>Ziel bearbeiten</h1>
      <ZielForm values={actionData?.values ?? values} errors={actionData?.errors} submitLabel="Änderungen speichern" />
    </div>
  );
}
