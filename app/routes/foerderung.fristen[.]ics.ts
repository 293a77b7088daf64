// GET /foerderung/fristen.ics[?fonds=esf&feld=arbeitsmarkt] – all future deadlines as an iCalendar feed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { deadlinesCalendar } from "~/models/programme-ics.server";
import { getDb } from "~/services/db.server";
import { FONDS, HANDLUNGSFELDER } from "~/utils/taxonomy";

export async function loader({ request }: LoaderFunctionArgs) {
  // Public data: funding programmes are readable by everyone.
  const url = new URL(request.url);
  const fonds = url.searchParams.getAll("fonds").filter((v) => Object.hasOwn(FONDS, v));
  const feld = url.searchParams.getAll("feld").filter((v) => Object.hasOwn(HANDLUNGSFELDER, v));
  const body = deadlinesCalendar(getDb(), { fonds, feld, host: url.host, name: "Förderfristen – Städtenetz Südosteuropa" });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="foerderfristen.ics"',
      "Cache-Control": "public, max-age=300",
    },
  });
}
