// iCalendar (RFC 5545) for funding deadlines. Pure: the caller passes events, the host and the timestamp.
//
// A deadline is a calendar day without a time of day (the corpus never states one, and we do not invent one),
// so each event is an all-day event with DATE values (DTSTART;VALUE=DATE, DTEND = next day). DATE values are
// "floating": the deadline opens on the same day in Berlin and in every other zone; X-WR-TIMEZONE tells
// clients that the calendar belongs to Europe/Berlin. Lines end with CRLF and are folded at 75 octets.

export type IcsEvent = {
  /** stable identifier, unique per deadline */
  uid: string;
  /** ISO date YYYY-MM-DD (the deadline day in Berlin) */
  date: string;
  summary: string;
  description?: string;
  url?: string | null;
};

export type IcsCalendar = { name: string; events: IcsEvent[]; now?: Date; prodId?: string };

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line so that no line exceeds 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75; // first line 75 octets, continuation lines 74 + the leading space
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (bytes + n > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
      limit = 74;
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compactDate = (iso: string) => iso.replace(/-/g, "");
function nextDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
/** UTC timestamp in the form 20261125T103000Z. */
export function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** The calendar around the events' lines: header (name, Europe/Berlin), footer, folding and CRLF (RFC 5545). */
export function wrapCalendar(name: string, prodId: string, eventLines: string[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    "X-WR-TIMEZONE:Europe/Berlin",
    ...eventLines,
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

export function buildCalendar({ name, events, now = new Date(), prodId = "-//Staedtenetz Suedosteuropa//Foerderfristen//DE" }: IcsCalendar): string {
  const lines: string[] = [];
  const stamp = utcStamp(now);
  for (const e of events) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.url && /^https?:\/\//i.test(e.url) ? [`URL:${e.url.replace(/[\r\n]/g, "")}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  return wrapCalendar(name, prodId, lines);
}
