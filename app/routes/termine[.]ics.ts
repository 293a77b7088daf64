// iCal feed of all events (/termine.ics) or of one Handlungsfeld (/termine.ics?feld=gesundheit).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildEventCalendar } from "~/components/termine/ics";
import { listTermineForFeed } from "~/models/termin.server";
import { getDb } from "~/services/db.server";
import { publicLink } from "~/services/mail.server";
import { HANDLUNGSFELDER, type Handlungsfeld } from "~/utils/taxonomy";

export async function loader({ request }: LoaderFunctionArgs) {
  const f = new URL(request.url).searchParams.get("feld");
  if (f != null && !(f in HANDLUNGSFELDER)) throw new Response("Unbekanntes Handlungsfeld.", { status: 404 });
  const feld = (f ?? undefined) as Handlungsfeld | undefined;
  const host = new URL(publicLink("/")).host;
  const events = listTermineForFeed(getDb(), { feld }).map((t) => ({
    uid: `termin-${t.id}@${host}`,
    start: t.beginn,
    end: t.ende,
    summary: t.titel,
    location: [t.ort, t.online ? "online" : null].filter(Boolean).join(", ") || null,
    description: [t.beschreibung.slice(0, 1500), t.anmeldungUrl ? `Anmeldung: ${t.anmeldungUrl}` : null, publicLink(`/termine/${t.id}`)].filter(Boolean).join("\n\n"),
    url: publicLink(`/termine/${t.id}`),
  }));
  const name = feld ? `Städtenetz Südosteuropa – Termine: ${HANDLUNGSFELDER[feld]}` : "Städtenetz Südosteuropa – Termine";
  return new Response(buildEventCalendar({ name, events }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="termine${feld ? `-${feld}` : ""}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
