import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getAttachmentVersion, mayReplaceAttachment, parentInfo, restoreAttachmentVersion } from "~/models/attachment.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";

const NOT_FOUND = "Diese Dateiversion gibt es nicht, oder Sie dürfen sie nicht sehen.";

/** POST only (the button on the `…/versionen` pages): an earlier file version becomes the current file again. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const v = getAttachmentVersion(db, Number(params.id));
  const parent = v ? parentInfo(db, v.parentType, v.parentId, viewer) : null;
  if (!v || !parent?.visible) throw new Response(NOT_FOUND, { status: 404 });
  if (!mayReplaceAttachment(db, viewer, v)) forbidden("Frühere Dateiversionen stellt die Redaktion wieder her.");
  const form = await request.formData();
  if (form.get("intent") !== "wiederherstellen") throw new Response("Ungültige Aktion", { status: 400 });
  const versions = `${parent.url}/versionen`;
  // the current file is not an earlier version (e.g. a repeated click): nothing to do
  if (!v.deletedAt)
    return redirect(versions, {
      headers: {
        "Set-Cookie": await flashHeader(`„${v.originalName}“ ist bereits die aktuelle Fassung.`),
      },
    });
  const id = restoreAttachmentVersion(db, v.id, user.id, Number(form.get("aktuell")));
  if (id == null) throw new Response(NOT_FOUND, { status: 404 });
  if (id === "changed")
    return redirect(versions, {
      headers: {
        "Set-Cookie": await flashHeader("Die Datei wurde inzwischen geändert; bitte prüfen Sie die Versionen."),
      },
    });
  return redirect(versions, {
    headers: {
      "Set-Cookie": await flashHeader(`Die frühere Fassung „${v.originalName}“ ist wiederhergestellt.`),
    },
  });
}

export async function loader({ params }: LoaderFunctionArgs) {
  throw new Response(`Bitte stellen Sie die Version auf der Versionsseite wieder her (Datei ${Number(params.id) || ""}).`, { status: 405 });
}
