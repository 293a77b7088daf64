import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ProjectForm } from "~/components/projekte/ProjectForm";
import { badRequest, formOptions, handleProjectForm, projectToValues, toProjectInput, zielErrors } from "~/components/projekte/form.server";
import { getProjectForEdit, programmeOptions, updateProject } from "~/models/project.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can, visibilityFor } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";
import { prepareUploads, storePrepared, syncAttachmentDocs, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import type { DB } from "~/services/db.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `${data.title} bearbeiten` : "Projekt bearbeiten");

async function requireEditor(request: Request, slug: string) {
  const user = await requireUser(request);
  const db = getDb();
  const project = getProjectForEdit(db, slug);
  if (!project || !visibilityFor(toViewer(user)).includes(project.visibility)) throw new Response("Projekt nicht gefunden", { status: 404 });
  if (!can(toViewer(user), "project.edit", { cityId: project.lead?.id ?? null }))
    forbidden("Dieses Projekt bearbeiten nur die Koordinierenden der federführenden Stadt und die Redaktion. Als Partnerstadt können Sie eine Fortschrittsmeldung ergänzen.");
  return { user, project, db };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, project, db } = await requireEditor(request, params.slug ?? "");
  const { values, counts } = projectToValues(project);
  return { ...formOptions(db, user), slug: project.slug, title: project.title, values, counts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project, db } = await requireEditor(request, params.slug ?? "");
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => save(upload, user, project, db));
}

async function save(upload: UploadForm, user: Awaited<ReturnType<typeof requireEditor>>["user"], project: Awaited<ReturnType<typeof requireEditor>>["project"], db: DB) {
  const form = upload.form;
  const result = handleProjectForm(form);
  if (result.kind === "render") return result.response;
  const d = result.data;
  if (user.role === "koordination" && d.stadt !== user.cityId) return badRequest(form, { stadt: "Die federführende Stadt können nur Redaktion oder Verwaltung ändern." });
  if (!can(toViewer(user), "project.edit", { cityId: d.stadt })) forbidden();
  const zErr = zielErrors(db, d);
  if (zErr) return badRequest(form, zErr);
  // every file is checked before anything is written; project and files are saved in one transaction
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok) return badRequest(form, { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` });
  writeWithFiles(db, files.files, () =>
    db.transaction((tx) => {
      updateProject(tx as unknown as DB, user.id, project.id, toProjectInput(d, programmeOptions(db)), { reason: d.grund });
      for (const f of files.files) storePrepared(tx, f, { uploaderId: user.id, parentType: "project", parentId: project.slug });
      syncAttachmentDocs(tx, "project", [project.slug]);
    }),
  );
  return redirect(`/projekte/${project.slug}`, { headers: { "Set-Cookie": await flashHeader("Projekt gespeichert.") } });
}

export default function ProjektBearbeiten() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const nav = useNavigation();
  const values = actionData?.values ?? loaderData.values;
  const counts = actionData?.counts ?? loaderData.counts;
  return (
    <div>
      <Breadcrumbs items={[{ label: "Projekte", to: "/projekte" }, { label: loaderData.title, to: `/projekte/${loaderData.slug}` }, { label: "Bearbeiten" }]} />
      <h1>{loaderData.title} bearbeiten</h1>
      <ProjectForm
        key={JSON.stringify(counts)}
        mode="bearbeiten"
        values={values}
        errors={actionData?.errors ?? null}
        counts={counts}
        cities={loaderData.cities}
        lockedCity={loaderData.lockedCity}
        programmes={loaderData.programmes}
        ziele={loaderData.ziele}
        busy={nav.state === "submitting"}
        files
      />
    </div>
  );
}
