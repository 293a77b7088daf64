import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { articleFormValues, getArticleBySlug, parseArticleForm, renderArticle, updateArticle } from "~/models/article.server";
import { listCities } from "~/models/city.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ArticleForm } from "~/components/wissen/ArticleForm";
import { titleMeta } from "~/utils/meta";
import { OwnerFields, ReviewModeNotice } from "~/components/OwnerFields";
import { listRedaktionUsers, parseOwnerFields, reviewedDates } from "~/models/review.server";
import { audit } from "~/services/audit.server";
import { REVIEW_INTERVAL_MONTHS } from "~/utils/review";
import { attachmentHistory, prepareUploads, storePrepared, syncAttachmentDocs, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { FileField } from "~/components/dateien/FileField";
import { EditorAttachments } from "~/components/dateien/AttachmentVersions";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Bearbeiten: ${data.title}` : "Beitrag bearbeiten");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  return {
    slug: a.slug,
    title: a.title,
    version: a.version,
    values: articleFormValues(a),
    cities: listCities(db).map((c) => ({ slug: c.slug, name: c.name })),
    owners: listRedaktionUsers(db),
    ownerId: a.ownerId ?? "",
    deputyId: a.deputyId ?? "",
    // Opened from "Meine Prüfungen" ("geprüft, aktualisiert"): saving sets stand and pruefen_bis.
    review: new URL(request.url).searchParams.get("pruefung") === "1" ? { months: REVIEW_INTERVAL_MONTHS[a.type] } : null,
    files: attachmentHistory(db, "article", a.slug),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const db = getDb();
  const a = getArticleBySlug(db, params.slug ?? "");
  if (!a) throw new Response("Beitrag nicht gefunden", { status: 404 });
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => save(request, upload, user, a));
}

async function save(request: Request, upload: UploadForm, user: { id: string }, a: NonNullable<ReturnType<typeof getArticleBySlug>>) {
  const db = getDb();
  const form = upload.form;
  const r = parseArticleForm(form, { requireReason: true, allowSlug: false, db, cities: listCities(db).map((c) => c.slug) });
  const owners = parseOwnerFields(db, form);
  if (!r.ok || !owners.ok)
    return data(
      { ok: false as const, title: "Beitrag bearbeiten", errors: { ...(r.ok ? {} : r.errors), ...(owners.ok ? {} : owners.errors) }, values: r.ok ? formEcho(form) : r.values, preview: null },
      { status: 400 },
    );
  if (form.get("intent") === "vorschau") {
    const p = renderArticle(db, r.input.type, r.input.body);
    return { ok: true as const, values: r.values, preview: { html: p.html, missingLinks: p.missingLinks } };
  }
  if (r.input.status === "veroeffentlicht" && a.status !== "veroeffentlicht") await requirePermission(request, "content.publish");
  // Checkboxes come back in taxonomy order: keep the stored order when the selection is unchanged (no spurious diff).
  const keep = (next: string[], prev: string[]) => (next.length === prev.length && next.every((x) => prev.includes(x)) ? prev : next);
  const input = {
    ...r.input,
    handlungsfelder: keep(r.input.handlungsfelder, a.handlungsfelder),
    ebenen: keep(r.input.ebenen, a.ebenen),
    staedte: keep(r.input.staedte, a.staedte),
    zielgruppen: a.zielgruppen,
  };
  const reviewing = form.get("pruefung") === "1";
  // every file is checked before anything is written; article and files are saved in one transaction
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok) return data({ ok: false as const, title: "Beitrag bearbeiten", errors: { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, values: r.values, preview: null }, { status: 400 });
  const res = writeWithFiles(db, files.files, () =>
    db.transaction((tx) => {
      const out = updateArticle(
        tx,
        a.id,
        { ...input, ...(reviewing ? reviewedDates(input.type) : {}), ownerId: owners.ownerId, deputyId: owners.deputyId },
        { id: user.id },
        reviewing ? `Geprüft, aktualisiert: ${r.reason}`.slice(0, 500) : r.reason,
      );
      if (owners.ownerId !== undefined && (owners.ownerId !== a.ownerId || owners.deputyId !== a.deputyId))
        audit(tx, { actorId: user.id, action: "article.owner", entityType: "article", entityId: a.id, detail: { ownerId: owners.ownerId, deputyId: owners.deputyId } });
      if (reviewing) audit(tx, { actorId: user.id, action: "article.review", entityType: "article", entityId: a.id, detail: { slug: a.slug, result: "aktualisiert" } });
      for (const f of files.files) storePrepared(tx, f, { uploaderId: user.id, parentType: "article", parentId: a.slug });
      // published, unpublished or archived: the files' search documents follow
      syncAttachmentDocs(tx, "article", [a.slug]);
      return out;
    }),
  );
  return redirect(`/wissen/${a.slug}`, { headers: { "Set-Cookie": await flashHeader(`Gespeichert als Version ${res.version}.`) } });
}

/** Submitted values for re-display (lists for the checkbox groups). */
function formEcho(form: FormData): Record<string, string | string[]> {
  return Object.fromEntries([...new Set(form.keys())].map((k) => [k, ["handlungsfelder", "ebenen", "staedte"].includes(k) ? form.getAll(k).map(String) : String(form.get(k))]));
}

export default function BeitragBearbeiten() {
  const d = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Wissen", to: "/wissen" }, { label: d.title, to: `/wissen/${d.slug}` }, { label: "Bearbeiten" }]} />
      <h1>Beitrag bearbeiten: {d.title}</h1>
      <p>
        <Link to={`/wissen/${d.slug}/versionen`}>Versionen</Link>
      </p>
      <p className="muted">Aktuelle Version: {d.version}. Jede Speicherung legt eine neue Version an.</p>
      <EditorAttachments files={d.files} />
      <ArticleForm values={ad?.values ?? d.values} errors={ad && !ad.ok ? ad.errors : null} cities={d.cities} mode="bearbeiten" preview={ad?.ok ? ad.preview : null} multipart>
        {d.review || (ad?.values as Record<string, unknown> | undefined)?.pruefung === "1" ? <ReviewModeNotice months={d.review?.months ?? 12} /> : null}
        <OwnerFields
          users={d.owners}
          ownerId={typeof ad?.values?.ownerId === "string" ? ad.values.ownerId : d.ownerId}
          deputyId={typeof ad?.values?.deputyId === "string" ? ad.values.deputyId : d.deputyId}
          errors={ad && !ad.ok ? ad.errors : null}
        />
        <FileField errors={ad && !ad.ok ? ad.errors : null} label="Dateien zum Beitrag anhängen (optional)" />
      </ArticleForm>
    </>
  );
}
