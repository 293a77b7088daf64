/**
 * ASCII slug of German text: "Straße für Ärzte" → "strasse-fuer-aerzte". Used for URL slugs, heading anchors and
 * mention handles, so all three transliterate the same way.
 */
export function slugify(text: string, opts: { maxLength?: number; fallback?: string } = {}): string {
  let s = text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (opts.maxLength) s = s.slice(0, opts.maxLength).replace(/-+$/g, "");
  return s || opts.fallback || "";
}
