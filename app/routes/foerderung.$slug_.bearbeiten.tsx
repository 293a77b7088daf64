import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProgrammeForm } from "~/components/foerderung/ProgrammeForm";
import { getProgramme, saveProgramme, toFrontmatter } from "~/models/programme.server";
import { listRevisions } from "~/models/revision.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { parseProgrammeForm, valuesFromFrontmatter } from "~/utils/programme-form";
import { OwnerFields, ReviewModeNotice } from "~/components/OwnerFields";
import { listRedaktionUsers, parseOwnerFields, reviewedDates } from "~/models/review.server";
import { REVIEW_INTERVAL_MONTHS } from "~/utils/review";
import { attachmentHistory, prepareUploads, storePrepared, syncAttachmentDocs, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { FileField } from "~/components/dateien/FileField";
import { EditorAttachments } from "~/components/dateien/AttachmentVersions";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Bearbeiten: ${data.kurz}` : "Förderprogramm bearbeiten");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  return {
    slug: p.slug,
    title: p.title,
    kurz: p.kurz,
    imported: p.importHash != null,
    values: valuesFromFrontmatter(toFrontmatter(p), p.body),
    owners: listRedaktionUsers(db),
    ownerId: p.ownerId ?? "",
    deputyId: p.deputyId ?? "",
    // Opened from "Meine Prüfungen" ("geprüft, aktualisiert"): saving sets stand and pruefen_bis.
    review: new URL(request.url).searchParams.get("pruefung") === "1",
    revisions: listRevisions(db, "programme", p.id).map((r) => ({
      version: r.version,
      source: r.source,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      authorName: r.authorName,
    })),
    files: attachmentHistory(db, "programme", p.slug),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const p = getProgramme(getDb(), params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => save(upload, user, p));
}

/** The submitted values for re-display (lists for the checkbox groups). */
function formEcho(form: FormData): Record<string, string | string[]> {
  return Object.fromEntries(
    [...new Set(form.keys())].map((k) => {
      const all = form.getAll(k).map(String);
      return [k, ["antragsberechtigt", "handlungsfelder"].includes(k) ? all : (all[0] ?? "")];
    }),
  );
}

async function save(upload: UploadForm, user: { id: string }, p: NonNullable<ReturnType<typeof getProgramme>>) {
  const db = getDb();
  const form = upload.form;
  const r = parseProgrammeForm(form, { create: false });
  const owners = parseOwnerFields(db, form);
  if (!r.ok || !owners.ok) {
    const echo = formEcho(form);
    return data(
      { ok: false as const, title: "Förderprogramm bearbeiten", errors: { ...(r.ok ? {} : r.errors), ...(owners.ok ? {} : owners.errors) }, values: r.ok ? echo : { ...echo, ...r.values } },
      { status: 400 },
    );
  }
  const reviewing = form.get("pruefung") === "1";
  // every file is checked before anything is written; programme and files are saved in one transaction
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok)
    return data({ ok: false as const, title: "Förderprogramm bearbeiten", errors: { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, values: formEcho(form) }, { status: 400 });
  const dates = reviewing ? reviewedDates("programme") : null;
  const dataIn = dates ? { ...r.data, stand: dates.stand, pruefen_bis: dates.pruefenBis } : r.data;
  let version = 0;
  writeWithFiles(db, files.files, () =>
    db.transaction((tx) => {
      version = saveProgramme(tx, {
        slug: p.slug,
        data: dataIn,
        body: r.body,
        authorId: user.id,
        reason: reviewing ? `Geprüft, aktualisiert: ${r.reason}`.slice(0, 500) : r.reason,
        create: false,
        owners: { ownerId: owners.ownerId, deputyId: owners.deputyId },
      }).version;
      audit(tx, { actorId: user.id, action: "programme.edit", entityType: "programme", entityId: p.id, detail: { slug: p.slug, version } });
      if (owners.ownerId !== undefined && (owners.ownerId !== p.ownerId || owners.deputyId !== p.deputyId))
        audit(tx, { actorId: user.id, action: "programme.owner", entityType: "programme", entityId: p.id, detail: { ownerId: owners.ownerId, deputyId: owners.deputyId } });
      if (reviewing) audit(tx, { actorId: user.id, action: "programme.review", entityType: "programme", entityId: p.id, detail: { slug: p.slug, result: "aktualisiert" } });
      for (const f of files.files) storePrepared(tx, f, { uploaderId: user.id, parentType: "programme", parentId: p.slug });
      syncAttachmentDocs(tx, "programme", [p.slug]);
    }),
  );
  return redirect(`/foerderung/${p.slug}`, { headers: { "Set-Cookie": await flashHeader(`Gespeichert als Version ${version}.`) } });
}

export default function ProgrammBearbeiten() {
  const d = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Förderung", to: "/foerderung" }, { label: d.title, to: `/foerderung/${d.slug}` }, { label: "Bearbeiten" }]} />
      <h1>Bearbeiten: {d.title}</h1>
      <p>
        <Link to={`/foerderung/${d.slug}/versionen`}>Versionen</Link>
      </p>
      {d.imported ? (
        <p className="notice">
          Dieses Programm stammt aus dem Inhaltsordner (content/foerderung/{d.slug}.md). Nach einer Änderung hier meldet der nächste Import einen
          Konflikt, statt Ihre Änderung zu überschreiben – bitte übertragen Sie die Änderung auch in die Datei.
        </p>
      ) : null}
      <EditorAttachments files={d.files} />
      <ProgrammeForm values={ad && !ad.ok ? ad.values : d.values} errors={ad && !ad.ok ? ad.errors : null} create={false} multipart>
        {d.review || (ad && !ad.ok && ad.values.pruefung === "1") ? <ReviewModeNotice months={REVIEW_INTERVAL_MONTHS.programme} /> : null}
        <OwnerFields
          users={d.owners}
          ownerId={ad && !ad.ok && typeof ad.values.ownerId === "string" ? ad.values.ownerId : d.ownerId}
          deputyId={ad && !ad.ok && typeof ad.values.deputyId === "string" ? ad.values.deputyId : d.deputyId}
          errors={ad && !ad.ok ? ad.errors : null}
        />
        <FileField errors={ad && !ad.ok ? ad.errors : null} label="Dateien zum Programm anhängen (optional)" />
      </ProgrammeForm>
      <h2 id="versionen">Versionen</h2>
      <ol className="revision-list">
        {d.revisions.map((r) => (
          <li key={r.version}>
            Version {r.version}, {formatDateTime(r.createdAt)}, {r.source === "import" ? "Import" : (r.authorName ?? "unbekannt")}: {r.reason || "ohne Begründung"}
          </li>
        ))}
      </ol>
    </>
  );
}
