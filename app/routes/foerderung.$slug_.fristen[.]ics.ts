// GET /foerderung/:slug/fristen.ics – the future deadlines of one programme.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProgramme } from "~/models/programme.server";
import { deadlinesCalendar } from "~/models/programme-ics.server";
import { getDb } from "~/services/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const p = getProgramme(db, params.slug ?? "");
  if (!p) throw new Response("Förderprogramm nicht gefunden", { status: 404 });
  const body = deadlinesCalendar(db, { slug: p.slug, host: new URL(request.url).host, name: `Fristen: ${p.kurz}` });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${p.slug}-fristen.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
