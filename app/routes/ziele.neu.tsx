import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { zielSchema } from "~/components/ziele/ziel-schema";
import { ZielForm } from "~/components/ziele/ZielForm";
import { getZiel, saveZiel } from "~/models/ziel.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { slugify } from "~/utils/slug";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction = () => titleMeta("Neues Ziel");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "ziel.manage");
  return { idempotencyKey: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "ziel.manage");
  const form = await request.formData();
  const db = getDb();
  const flash = { headers: { "Set-Cookie": await flashHeader("Ziel angelegt.") } };
  const once = { userId: user.id, route: "ziele.neu", key: readIdempotencyKey(form) };
  const first = findIdempotentResult(db, once);
  if (first) return redirect(first, flash);
  const parsed = parseForm(form, zielSchema, "Neues Ziel");
  if (!parsed.ok) return data(parsed, { status: 400 });
  const d = parsed.data;
  const slug = slugify(d.title, { maxLength: 80, fallback: "ziel" });
  if (getZiel(db, slug)) return data(failure("Neues Ziel", { title: "Ein Ziel mit diesem Titel gibt es schon. Bitte einen anderen Titel wählen." }, form), { status: 400 });
  const { result: url } = runIdempotent(db, once, (tx) => {
    saveZiel(tx, user.id, { slug, title: d.title, definition: d.definition, unit: d.unit, aggregation: d.aggregation, targetValue: d.targetValue ?? null, targetDate: d.targetDate ?? null, handlungsfeld: d.handlungsfeld, demo: false }, { reason: "Angelegt" });
    return `/ziele/${slug}`;
  });
  return redirect(url, flash);
}

export default function ZielNeu() {
  const { idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <Breadcrumbs items={[{ label: "Ziele", to: "/ziele" }, { label: "Neues Ziel" }]} />
      <h1>Neues Ziel</h1>
      <ZielForm values={actionData?.values ?? {}} errors={actionData?.errors} submitLabel="Ziel speichern" idempotencyKey={idempotencyKey} />
    </div>
  );
}
