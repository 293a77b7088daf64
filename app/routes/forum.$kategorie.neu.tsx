import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { kickMailDelivery } from "~/services/mail.server";
import { flashHeader } from "~/services/flash.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { createTopic, getCategory, previewHtml } from "~/models/forum.server";
import { attachToPost, prepareUploads, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { listCities } from "~/models/city.server";
import { Composer } from "~/components/forum/Composer";
import { retryAfter, passRetryAfter } from "~/services/rate-limit.server";
import { postRateRefund, postRateWait, rateMessage, unconfirmedFindings } from "~/components/forum/guard.server";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form";
import { body, failure, LIMITS, line, parseForm, tooLong } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";

export const headers = passRetryAfter;
export const meta: MetaFunction = () => titleMeta("Neues Thema");
const TITLE = "Neues Thema";

async function load(request: Request, slug: string) {
  const user = await requirePermission(request, "forum.post");
  const category = getCategory(getDb(), slug, toViewer(user));
  if (!category) throw new Response("Kategorie nicht gefunden", { status: 404 });
  return { user, category };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { category } = await load(request, params.kategorie ?? "");
  return {
    category: { slug: category.slug, name: category.name, handlungsfeld: category.handlungsfeld },
    cities: listCities(getDb()).map((c) => ({ slug: c.slug, name: c.name })),
    idempotencyKey: newIdempotencyKey(),
    // "Im Forum fragen" on /suche carries the search as the title (?titel=…), plain text, at most 160 characters.
    titel: (new URL(request.url).searchParams.get("titel") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, 160),
  };
}

const schema = z.object({
  title: line(160, { min: 8, minMessage: "Bitte formulieren Sie einen Titel mit mindestens 8 Zeichen.", message: "Der Titel ist zu lang (höchstens 160 Zeichen)." }),
  raw: body(LIMITS.post, { min: 10, minMessage: "Bitte beschreiben Sie Ihre Frage (mindestens 10 Zeichen).", message: "Der Beitrag ist zu lang (höchstens 50.000 Zeichen)." }),
  feld: z.union([z.literal(""), z.enum(keysOf(HANDLUNGSFELDER))]).optional(),
  stadt: z.string().max(80, "Unbekannte Stadt.").optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, category } = await load(request, params.kategorie ?? "");
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => createWithFiles(upload, user, category), (message) => data({ ...failure(TITLE, { _form: message }), findings: [] }, { status: 400 }));
}

async function createWithFiles(upload: UploadForm, user: Awaited<ReturnType<typeof load>>["user"], category: Awaited<ReturnType<typeof load>>["category"]) {
  const form = upload.form;
  const flash = { headers: { "Set-Cookie": await flashHeader("Ihr Thema ist veröffentlicht.") } };
  // one submit, one topic: a repeated POST of the same form gets the first redirect
  const once = { userId: user.id, route: `forum.topic:${category.slug}`, key: readIdempotencyKey(form) };
  if (form.get("vorschau") === "1") {
    // "Vorschau" (works without JS): the text rendered as a published post, nothing stored, the form keeps its values
    const raw = String(form.get("raw") ?? "");
    if (raw.length > LIMITS.post) return data({ ...failure(TITLE, { raw: tooLong(LIMITS.post) }, form), findings: [] }, { status: 400 });
    const previewNote = upload.files.length ? "Dateien werden erst mit dem Thema gespeichert: bitte wählen Sie sie dann erneut aus." : undefined;
    return data({ ...failure(TITLE, {}, form), findings: [], preview: previewHtml(getDb(), raw) as string, previewNote: previewNote as string | undefined });
  }
  const first = findIdempotentResult(getDb(), once);
  if (first) return redirect(first, flash);
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data({ ...parsed, findings: [] }, { status: 400 });
  const { title, raw, feld, stadt } = parsed.data;
  const findings = unconfirmedFindings(form, title, raw);
  if (findings.length > 0) return data({ ...failure(TITLE, {}, form), findings }, { status: 400 });
  const wait = postRateWait(user.id);
  if (wait > 0) return data({ ...failure(TITLE, { _form: rateMessage(wait) }, form), findings: [] }, { status: 429, headers: retryAfter(wait) });
  const db = getDb();
  const validCity = stadt && listCities(db).some((c) => c.slug === stadt) ? [stadt] : [];
  // every file is checked before anything is written: one refused file refuses the whole topic
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok) {
    postRateRefund(user.id);
    return data({ ...failure(TITLE, { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, form), findings: [] }, { status: 400 });
  }
  const { result, replayed } = writeWithFiles(db, files.files, () =>
    runIdempotent(db, once, (tx) => {
      const id = createTopic(tx, { category, title, raw, handlungsfelder: feld ? [feld] : [], staedte: validCity }, user);
      attachToPost(tx, id, 1, files.files, user.id);
      return `/forum/${category.slug}/${id}`;
    }),
  );
  if (replayed) postRateRefund(user.id);
  kickMailDelivery(db);
  return redirect(result, flash);
}

export default function NeuesThema() {
  const { category, cities, idempotencyKey, titel } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors = a && !a.ok ? a.errors : null;
  const values = a && !a.ok ? a.values : {};
  return (
    <div className="narrow-wide">
      <p className="muted">
        <Link to="/forum">Forum</Link> › <Link to={`/forum/${category.slug}`}>{category.name}</Link>
      </p>
      <h1>Neues Thema in {category.name}</h1>
      <ErrorSummary errors={errors} labels={{ title: "Titel", raw: "Ihr Beitrag", feld: "Handlungsfeld", dateien: "Dateien" }} />
      <Composer errors={errors} findings={a && "findings" in a ? a.findings : []} defaultValue={values.raw ?? ""} submitLabel="Thema veröffentlichen" intent="topic" label="Ihre Frage" idempotencyKey={idempotencyKey} files mentions preview={a && "preview" in a ? (a.preview as string) : null} previewNote={a && "previewNote" in a ? (a.previewNote as string | undefined) : undefined}>
        <TextField name="title" label="Titel" required maxLength={160} errors={errors} defaultValue={values.title ?? titel} hint="Eine kurze Frage, z. B. „Wie melden andere Städte Kinder ohne Meldebescheinigung in der Schule an?“" />
        {!category.handlungsfeld ? (
          <SelectField
            name="feld"
            label="Handlungsfeld (optional)"
            errors={errors}
            defaultValue={values.feld ?? ""}
            options={[{ value: "", label: "keines" }, ...Object.entries(HANDLUNGSFELDER).map(([value, label]) => ({ value, label }))]}
          />
        ) : null}
        <SelectField
          name="stadt"
          label="Betrifft außerdem die Stadt (optional)"
          hint="Ihre eigene Stadt wird automatisch eingetragen."
          errors={errors}
          defaultValue={values.stadt ?? ""}
          options={[{ value: "", label: "keine weitere" }, ...cities.map((c) => ({ value: c.slug, label: c.name }))]}
        />
      </Composer>
    </div>
  );
}
