import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useLoaderData } from "@remix-run/react";
import { createArticle, parseArticleForm, renderArticle } from "~/models/article.server";
import { listCities } from "~/models/city.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ArticleForm } from "~/components/wissen/ArticleForm";
import { todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { prepareUploads, storePrepared, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { FileField } from "~/components/dateien/FileField";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { IdempotencyField } from "~/components/ui/IdempotencyField";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";

export const meta: MetaFunction = () => titleMeta("Neuer Beitrag");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  return { cities: listCities(getDb()).map((c) => ({ slug: c.slug, name: c.name })), today: todayIso(), idempotencyKey: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => create(request, upload, user));
}

async function create(request: Request, upload: UploadForm, user: { id: string }) {
  const db = getDb();
  const form = upload.form;
  // one submit, one article: a repeated POST of the same form (double click, resend) gets the first redirect
  const once = { userId: user.id, route: "wissen.neu", key: readIdempotencyKey(form) };
  const flash = async () => ({ headers: { "Set-Cookie": await flashHeader("Beitrag angelegt.") } });
  const first = form.get("intent") === "vorschau" ? null : findIdempotentResult(db, once);
  if (first) return redirect(first, await flash());
  const cities = listCities(db).map((c) => c.slug);
  const r = parseArticleForm(form, { requireReason: false, allowSlug: true, db, cities });
  if (!r.ok) return data({ ok: false as const, title: "Neuer Beitrag", errors: r.errors, values: r.values, preview: null }, { status: 400 });
  if (form.get("intent") === "vorschau") {
    const p = renderArticle(db, r.input.type, r.input.body);
    return { ok: true as const, values: r.values, preview: { html: p.html, missingLinks: p.missingLinks } };
  }
  if (r.input.status === "veroeffentlicht") await requirePermission(request, "content.publish");
  // every file is checked before anything is written; article and files are saved in one transaction
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok) return data({ ok: false as const, title: "Neuer Beitrag", errors: { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, values: r.values, preview: null }, { status: 400 });
  const { result: url } = writeWithFiles(db, files.files, () =>
    runIdempotent(db, once, (tx) => {
      const c = createArticle(tx, { ...r.input, slug: r.slug }, { id: user.id }, r.reason);
      for (const f of files.files) storePrepared(tx, f, { uploaderId: user.id, parentType: "article", parentId: c.slug });
      return `/wissen/${c.slug}`;
    }),
  );
  return redirect(url, await flash());
}

export default function NeuerBeitrag() {
  const { cities, today, idempotencyKey } = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  const values = ad?.values ?? { status: "entwurf", stand: today, type: "praxis" };
  return (
    <>
      <Breadcrumbs items={[{ label: "Wissen", to: "/wissen" }, { label: "Neuer Beitrag" }]} />
      <h1>Neuer Beitrag</h1>
      <ArticleForm values={values} errors={ad && !ad.ok ? ad.errors : null} cities={cities} mode="neu" preview={ad?.ok ? ad.preview : null} multipart>
        <IdempotencyField value={idempotencyKey} />
        <FileField errors={ad && !ad.ok ? ad.errors : null} label="Dateien zum Beitrag anhängen (optional)" />
      </ArticleForm>
    </>
  );
}
