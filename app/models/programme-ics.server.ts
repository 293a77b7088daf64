// Deadlines → iCalendar (app/utils/ics.ts does the format; this picks the deadlines).
import type { Executor } from "~/services/db.server";
import { publicLink } from "~/services/mail.server";
import { todayIso } from "~/utils/format";
import { buildCalendar } from "~/utils/ics";
import { listUpcomingDeadlines } from "./programme.server";

export function deadlinesCalendar(
  db: Executor,
  opts: { fonds?: string[]; feld?: string[]; slug?: string; host: string; name: string; now?: Date },
): string {
  const now = opts.now ?? new Date();
  const deadlines = listUpcomingDeadlines(db, { from: todayIso(now), fonds: opts.fonds, feld: opts.feld, slug: opts.slug });
  const host = opts.host.replace(/[^a-zA-Z0-9.:-]/g, "") || "staedtenetz";
  return buildCalendar({
    name: opts.name,
    now,
    events: deadlines.map((d) => ({
      // stable per programme, date and label, so calendar clients update instead of duplicating
      uid: `${d.slug}-${d.datum}-${hash(d.bezeichnung)}@${host}`,
      date: d.datum,
      summary: `Frist ${d.kurz}: ${d.bezeichnung}`,
      description: `${d.title}\n${publicLink(`/foerderung/${d.slug}`)}`,
      url: publicLink(`/foerderung/${d.slug}`),
    })),
  });
}

/** Short, stable, non-cryptographic hash (djb2) for UIDs. */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
