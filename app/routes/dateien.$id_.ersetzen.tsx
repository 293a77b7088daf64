import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AlreadyReplaced, getAttachmentVersion, parentInfo, getVisibleAttachment, mayReplaceAttachment, prepareUploads, readFormWithFiles, replaceAttachment, syncAttachmentDocs, writeWithFiles } from "~/models/attachment.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { UploadFormError } from "~/services/files/multipart.server";
import { ALLOWED } from "~/services/files/sniff.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { FILE_ACCEPT, FILE_FIELD, MAX_FILE_MB, formatFileSize } from "~/utils/dateien";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `${data.file.name} ersetzen` : "Datei ersetzen");

const NOT_FOUND = "Diese Datei gibt es nicht, oder Sie dürfen sie nicht sehen.";
const FORBIDDEN = "Dateien an Beiträgen und Förderprogrammen ersetzt die Redaktion.";

/** The file, if the viewer may see it (else 404) and replace it (else 403): articles and programmes only. */
async function loadFile(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const found = getVisibleAttachment(db, Number(params.id), viewer);
  return {
    user,
    db,
    found,
    allowed: !!found && mayReplaceAttachment(db, viewer, found.attachment),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, allowed } = await loadFile(request, params);
  if (!found) throw new Response(NOT_FOUND, { status: 404 });
  if (!allowed) forbidden(FORBIDDEN);
  const a = found.attachment;
  return {
    file: {
      id: a.id,
      name: a.originalName,
      typeLabel: ALLOWED[a.mime]?.label ?? a.ext.toUpperCase(),
      size: a.size,
    },
    back: `${found.parent.url}/bearbeiten`,
    versions: `${found.parent.url}/versionen`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, found, allowed } = await loadFile(request, params);
  if (!found) {
    // a repeated submit: the file was replaced in the meantime (its row is now an earlier version)
    const row = getAttachmentVersion(db, Number(params.id));
    const parent = row?.deletedAt && mayReplaceAttachment(db, toViewer(user), row) ? parentInfo(db, row.parentType, row.parentId, toViewer(user)) : null;
    if (parent)
      return redirect(`${parent.url}/bearbeiten`, {
        headers: {
          "Set-Cookie": await flashHeader("Diese Datei ist bereits ersetzt."),
        },
      });
    throw new Response(NOT_FOUND, { status: 404 });
  }
  if (!allowed) forbidden(FORBIDDEN);
  let upload;
  try {
    upload = await readFormWithFiles(request);
  } catch (e) {
    if (e instanceof UploadFormError) return data({ errors: { _form: e.message } }, { status: 400 });
    throw e;
  }
  try {
    if (upload.files.length !== 1)
      return data(
        {
          errors: {
            [FILE_FIELD]: "Bitte wählen Sie genau eine Datei aus, die die bisherige ersetzt.",
          },
        },
        { status: 400 },
      );
    const files = await prepareUploads(db, user.id, upload.files);
    if (!files.ok) return data({ errors: { [FILE_FIELD]: files.message } }, { status: 400 });
    const old = found.attachment;
    try {
      writeWithFiles(db, files.files, () =>
        db.transaction((tx) => {
          replaceAttachment(tx, old, files.files[0], user.id);
          syncAttachmentDocs(tx, old.parentType, [old.parentId]);
        }),
      );
    } catch (e) {
      if (e instanceof AlreadyReplaced) return redirect(`${found.parent.url}/bearbeiten`, { headers: { "Set-Cookie": await flashHeader("Diese Datei ist bereits ersetzt.") } });
      throw e;
    }
    return redirect(`${found.parent.url}/bearbeiten`, {
      headers: {
        "Set-Cookie": await flashHeader(`„${old.originalName}“ ist ersetzt; die bisherige Fassung steht in den Versionen.`),
      },
    });
  } finally {
    upload.cleanup();
  }
}

export default function DateiErsetzen() {
  const { file, back, versions } = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  const errors = ad?.errors ?? null;
  return (
    <>
      <p>
        <Link to={back}>Zurück zum Bearbeiten</Link>
      </p>
      <h1>Datei „{file.name}“ ersetzen</h1>
      <p>
        Bisher: {file.name} ({file.typeLabel}, {formatFileSize(file.size)}). Die neue Datei tritt an ihre Stelle; die bisherige bleibt als frühere Version erhalten und kann unter{" "}
        <Link to={versions}>Versionen</Link> wiederhergestellt werden.
      </p>
      <ErrorSummary errors={errors} labels={{ [FILE_FIELD]: "Neue Datei" }} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <TextField
          type="file"
          name={FILE_FIELD}
          label="Neue Datei"
          hint={`PDF, Office, ODF, CSV, Text oder Bild; bis ${MAX_FILE_MB} MB.`}
          errors={errors}
          accept={FILE_ACCEPT}
          required
        />
        <div className="actions">
          <button type="submit">Datei ersetzen</button>
        </div>
      </Form>
    </>
  );
}
