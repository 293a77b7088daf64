import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { openNotification } from "~/models/notification.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** Opening a notification marks it read and goes to its target. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = openNotification(getDb(), user.id, Number(params.id));
  if (!url) throw new Response("Benachrichtigung nicht gefunden", { status: 404 });
  return redirect(safeRedirect(url));
}
