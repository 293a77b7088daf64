// iCalendar for events (Veranstaltungen), built on the shared helpers of app/utils/ics.ts (escaping, folding).
// Timed events are written as UTC instants (DTSTART:20270328T080000Z): every client shows them at the right
// local time, and no VTIMEZONE table has to be kept current. The calendar names Europe/Berlin as its zone.
import { escapeText, utcStamp, wrapCalendar } from "~/utils/ics";

export type IcsTimedEvent = { uid: string; start: Date; end: Date | null; summary: string; description?: string; location?: string | null; url?: string | null };

export function buildEventCalendar({ name, events, now = new Date() }: { name: string; events: IcsTimedEvent[]; now?: Date }): string {
  const lines: string[] = [];
  const stamp = utcStamp(now);
  for (const e of events) {
    // Without an end, an event lasts one hour in calendars (RFC 5545 would make it zero-length).
    const end = e.end ?? new Date(e.start.getTime() + 3_600_000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DTEND:${utcStamp(end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url && /^https?:\/\//i.test(e.url) ? [`URL:${e.url.replace(/[\r\n]/g, "")}`] : []),
      "END:VEVENT",
    );
  }
  return wrapCalendar(name, "-//Staedtenetz Suedosteuropa//Termine//DE", lines);
}
