// Reasons for reporting a forum post: the options of the report form and the labels of the moderation queue.
export const FLAG_REASONS = [
  { value: "personenbezogene-daten", label: "Enthält personenbezogene Daten" },
  { value: "beleidigend", label: "Beleidigend oder diskriminierend" },
  { value: "spam", label: "Werbung oder Spam" },
  { value: "falsch", label: "Sachlich falsch oder irreführend" },
  { value: "sonstiges", label: "Sonstiges" },
] as const;

const LABELS: Record<string, string> = Object.fromEntries(FLAG_REASONS.map((r) => [r.value, r.label]));

/**
 * A stored reason is "<code>" or "<code>: <free text>" (forum.$kategorie.$themaId.tsx). Returns the German label and
 * the reporter's own words; an unknown code is shown as "Sonstiges", never as the code itself.
 */
export function flagReasonLabel(stored: string): { label: string; detail: string | null } {
  const i = stored.indexOf(": ");
  const code = (i === -1 ? stored : stored.slice(0, i)).trim();
  const detail = i === -1 ? null : stored.slice(i + 2).trim() || null;
  return { label: LABELS[code] ?? "Sonstiges", detail };
}
