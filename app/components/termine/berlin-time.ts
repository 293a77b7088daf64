// Berlin wall time <-> instants (isomorphic, no dependencies). Events are entered and shown in Europe/Berlin;
// they are stored as UTC instants, so a 10:00 event is 10:00 in Berlin on both sides of a daylight-saving switch.
const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Berlin",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `YYYY-MM-DDTHH:MM` in Berlin for an instant. */
export function toBerlinLocal(d: Date): string {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant of a Berlin wall time (`YYYY-MM-DD` + `HH:MM`). Returns null for a time that does not exist in
 * Berlin (the skipped hour on the last Sunday of March). In the repeated hour of October the first (summer-time)
 * instant is used.
 */
export function fromBerlinLocal(date: string, time: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || !t) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]));
  const want = `${date}T${time}`;
  // Berlin is UTC+1 or UTC+2: try summer time first (earlier instant), then winter time.
  for (const offsetHours of [2, 1]) {
    const d = new Date(wall - offsetHours * 3_600_000);
    if (toBerlinLocal(d) === want) return d;
  }
  return null;
}

const dayFmt = new Intl.DateTimeFormat("de-DE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" });
const timeFmt = new Intl.DateTimeFormat("de-DE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Berlin" });

/** "Sonntag, 28. März 2027, 10:00–12:00 Uhr" (Berlin). */
export function formatEventTime(beginn: Date, ende: Date | null): string {
  const day = dayFmt.format(beginn);
  if (!ende) return `${day}, ${timeFmt.format(beginn)} Uhr`;
  const sameDay = toBerlinLocal(beginn).slice(0, 10) === toBerlinLocal(ende).slice(0, 10);
  return sameDay ? `${day}, ${timeFmt.format(beginn)}–${timeFmt.format(ende)} Uhr` : `${day}, ${timeFmt.format(beginn)} Uhr bis ${dayFmt.format(ende)}, ${timeFmt.format(ende)} Uhr`;
}
