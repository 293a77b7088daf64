import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmDelete } from "~/components/ui/ConfirmDelete";
import { deleteAttachment, getVisibleAttachment, mayDeleteAttachment } from "~/models/attachment.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ALLOWED } from "~/services/files/sniff.server";
import { formatFileSize } from "~/utils/dateien";
import { safeRedirect } from "~/utils/safe-redirect";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `${data.file.name} löschen?` : "Datei löschen");

const NOT_FOUND = "Diese Datei gibt es nicht, oder Sie dürfen sie nicht sehen.";

/** The file, if the viewer may see it (else 404) and delete it (else 403). */
async function loadFile(request: Request, params: { id?: string }) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const found = getVisibleAttachment(db, Number(params.id), viewer);
  return { user, found, allowed: !!found && mayDeleteAttachment(db, viewer, found.attachment) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, allowed } = await loadFile(request, params);
  if (!found) throw new Response(NOT_FOUND, { status: 404 });
  if (!allowed) forbidden("Diese Datei dürfen nur die Person, die sie hochgeladen hat, die Moderation bzw. Redaktion und die Administration löschen.");
  const a = found.attachment;
  return {
    file: { id: a.id, name: a.originalName, typeLabel: ALLOWED[a.mime]?.label ?? a.ext.toUpperCase(), size: a.size },
    back: found.parent.url,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found, allowed } = await loadFile(request, params);
  const form = await request.formData();
  if (form.get("intent") !== "confirm") throw new Response("Ungültige Aktion", { status: 400 });
  if (!found) {
    // a repeated submit after the file is gone: back to where the form came from
    const back = safeRedirect(form.get("zurueck"), "/");
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("Die Datei ist bereits gelöscht.") } });
  }
  if (!allowed) forbidden();
  deleteAttachment(getDb(), found.attachment.id, user.id);
  return redirect(found.parent.url, { headers: { "Set-Cookie": await flashHeader(`Die Datei „${found.attachment.originalName}“ ist gelöscht.`) } });
}

export default function DateiLoeschen() {
  const { file, back } = useLoaderData<typeof loader>();
  return (
    <ConfirmDelete
      title={`Datei „${file.name}“ löschen?`}
      dependencies={[]}
      cancelTo={back}
      confirmLabel="Datei endgültig löschen"
      consequence={
        <p>
          {file.name} ({file.typeLabel}, {formatFileSize(file.size)}) wird gelöscht und kann nicht mehr heruntergeladen oder gefunden werden.
          Das kann nicht rückgängig gemacht werden.
        </p>
      }
    >
      <input type="hidden" name="zurueck" value={back} />
    </ConfirmDelete>
  );
}
