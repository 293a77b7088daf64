import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { exportUserData } from "~/models/dsgvo.server";

/** DSGVO export: the signed-in user's own data as a JSON download (nobody else's). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "account.manage");
  const body = exportUserData(getDb(), user.id);
  if (!body) throw new Response("Konto nicht gefunden", { status: 404 });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="meine-daten-staedtenetz.json"`,
      "Cache-Control": "no-store",
    },
  });
}
