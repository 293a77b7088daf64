import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ProjectForm } from "~/components/projekte/ProjectForm";
import { badRequest, emptyValues, formOptions, handleProjectForm, toProjectInput, zielErrors } from "~/components/projekte/form.server";
import { DEFAULT_ROWS } from "~/components/projekte/parse";
import { createProject, programmeOptions } from "~/models/project.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { can } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Neues Projekt");

async function requireCreator(request: Request) {
  const user = await requireUser(request);
  // koordination: own city only (checked again with the submitted city); redaktion/admin: any city
  if (!can(toViewer(user), "project.create", { cityId: user.cityId })) forbidden("Projekte legen die Koordinierenden einer Stadt und die Redaktion an.");
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCreator(request);
  return { ...formOptions(getDb(), user), values: emptyValues(), counts: { ...DEFAULT_ROWS }, idempotencyKey: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCreator(request);
  const form = await request.formData();
  const flash = { headers: { "Set-Cookie": await flashHeader("Projekt angelegt.") } };
  // one submit, one project: a repeated POST of the same form gets the first redirect
  const once = { userId: user.id, route: "projekte.neu", key: readIdempotencyKey(form) };
  const first = findIdempotentResult(getDb(), once);
  if (first) return redirect(first, flash);
  const result = handleProjectForm(form);
  if (result.kind === "render") return result.response;
  const db = getDb();
  const d = result.data;
  if (user.role === "koordination" && d.stadt !== user.cityId) return badRequest(form, { stadt: "Sie können nur Projekte Ihrer eigenen Stadt anlegen." });
  if (!can(toViewer(user), "project.create", { cityId: d.stadt })) forbidden();
  const zErr = zielErrors(db, d);
  if (zErr) return badRequest(form, zErr);
  const { result: url } = runIdempotent(db, once, (tx) => `/projekte/${createProject(tx, user.id, toProjectInput(d, programmeOptions(tx))).slug}`);
  return redirect(url, flash);
}

export default function NeuesProjekt() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const nav = useNavigation();
  const values = actionData?.values ?? loaderData.values;
  const counts = actionData?.counts ?? loaderData.counts;
  return (
    <div className="projekt-form-page">
      <p>
        <Link to="/projekte">Alle Projekte</Link>
      </p>
      <h1>Neues Projekt</h1>
      <p>Erfassen Sie ein Projekt von der Idee bis zur Auswertung – auch was nicht funktioniert hat. Pflichtangaben: Titel, Stadt, Handlungsfeld, Status.</p>
      <ProjectForm
        key={JSON.stringify(counts)}
        mode="neu"
        values={values}
        errors={actionData?.errors ?? null}
        counts={counts}
        cities={loaderData.cities}
        lockedCity={loaderData.lockedCity}
        programmes={loaderData.programmes}
        ziele={loaderData.ziele}
        busy={nav.state !== "idle" && nav.formMethod === "POST"}
        idempotencyKey={loaderData.idempotencyKey}
      />
    </div>
  );
}
