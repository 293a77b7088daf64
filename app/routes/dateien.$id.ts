import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { downloadResponse } from "~/models/attachment.server";

/** Download of an attachment: the parent's visibility decides (404 otherwise). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  return downloadResponse(getDb(), Number(params.id), viewer);
}
