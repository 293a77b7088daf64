import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProgrammeForm } from "~/components/foerderung/ProgrammeForm";
import { programmeSlugExists, saveProgramme } from "~/models/programme.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";
import { parseProgrammeForm } from "~/utils/programme-form";
import { prepareUploads, storePrepared, withUploadForm, writeWithFiles } from "~/models/attachment.server";
import { type UploadForm } from "~/services/files/multipart.server";
import { FILE_FIELD, KEPT_TEXT } from "~/utils/dateien";
import { FileField } from "~/components/dateien/FileField";
import { IdempotencyField } from "~/components/ui/IdempotencyField";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";

export const meta: MetaFunction = () => titleMeta("Neues Förderprogramm");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  return { idempotencyKey: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  // multipart (attachments): files stream into temp files, removed in `finally` unless stored
  return withUploadForm(request, (upload) => create(upload, user));
}

async function create(upload: UploadForm, user: { id: string }) {
  const db = getDb();
  const form = upload.form;
  // one submit, one programme: a repeated POST of the same form (double click, resend) gets the first redirect
  const once = { userId: user.id, route: "foerderung.neu", key: readIdempotencyKey(form) };
  const flash = async () => ({ headers: { "Set-Cookie": await flashHeader("Förderprogramm angelegt.") } });
  const first = findIdempotentResult(db, once);
  if (first) return redirect(first, await flash());
  const r = parseProgrammeForm(form, { create: true, slugTaken: (s) => programmeSlugExists(db, s) });
  if (!r.ok) return data({ ok: false as const, title: "Neues Förderprogramm", errors: r.errors, values: r.values }, { status: 400 });
  const slug = r.slug!;
  // every file is checked before anything is written; programme and files are saved in one transaction
  const files = await prepareUploads(db, user.id, upload.files);
  if (!files.ok) {
    const values = Object.fromEntries([...new Set(form.keys())].map((k) => [k, ["antragsberechtigt", "handlungsfelder"].includes(k) ? form.getAll(k).map(String) : String(form.get(k) ?? "")]));
    return data({ ok: false as const, title: "Neues Förderprogramm", errors: { [FILE_FIELD]: `${files.message} ${KEPT_TEXT}` }, values }, { status: 400 });
  }
  const { result: url } = writeWithFiles(db, files.files, () =>
    runIdempotent(db, once, (tx) => {
      const { id } = saveProgramme(tx, { slug, data: r.data, body: r.body, authorId: user.id, reason: r.reason, create: true });
      audit(tx, { actorId: user.id, action: "programme.create", entityType: "programme", entityId: id, detail: { slug } });
      for (const f of files.files) storePrepared(tx, f, { uploaderId: user.id, parentType: "programme", parentId: slug });
      return `/foerderung/${slug}`;
    }),
  );
  return redirect(url, await flash());
}

export default function NeuesProgramm() {
  const ad = useActionData<typeof action>();
  const { idempotencyKey } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/foerderung">Alle Förderprogramme</Link>
      </p>
      <h1>Neues Förderprogramm</h1>
      <p>Nur bestätigte Angaben eintragen. Unbekannte Werte leer lassen – die Seite zeigt dann „keine Angabe“.</p>
      <ProgrammeForm values={ad && !ad.ok ? ad.values : {}} errors={ad && !ad.ok ? ad.errors : null} create multipart>
        <IdempotencyField value={idempotencyKey} />
        <FileField errors={ad && !ad.ok ? ad.errors : null} label="Dateien zum Programm anhängen (optional)" />
      </ProgrammeForm>
    </>
  );
}
