import type { LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { exportUserZip } from "~/models/dsgvo.server";

/** DSGVO export with the user's uploaded files: a streamed zip (JSON + dateien/…), only the signed-in user's own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "account.manage");
  const chunks = exportUserZip(getDb(), user.id);
  if (!chunks) throw new Response("Konto nicht gefunden", { status: 404 });
  return new Response(createReadableStreamFromReadable(Readable.from(chunks)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="meine-daten-staedtenetz.zip"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
