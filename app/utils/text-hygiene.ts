// Text hygiene for everything a person types (forms, CLI, invitations) and for Markdown before rendering.
// Pure and isomorphic; every function is a handful of linear regex passes (no backtracking).
//
// Two levels:
// - cleanText (multi-line bodies: posts, articles, notes): removes C0/C1 control characters except tab and
//   newline (CR LF and lone CR become LF, U+2028/U+2029 become LF), removes the bidi embeddings/overrides
//   U+202A–U+202E and isolates U+2066–U+2069 ("Trojan Source" reordering), replaces lone surrogates with
//   U+FFFD and normalises to NFC. Zero-width characters, soft hyphens and the bidi *marks* (LRM/RLM/ALM) stay:
//   they have legitimate uses in running text and cannot reorder what is around them.
// - cleanLine (single-line fields: names, display names, titles, slugs, handles): cleanText plus every other
//   invisible format character (Unicode category Cf: zero-width space/joiners, U+2060, U+FEFF, LRM/RLM, the
//   soft hyphen U+00AD …) and the invisible Hangul fillers; tabs and newlines become spaces, runs of white space
//   collapse to one and the ends are trimmed. The soft hyphen is removed on purpose: in a name or title it is
//   invisible, makes "Köln" and "Kö­ln" different strings (duplicates, failed searches) and titles never need
//   hyphenation hints. Kept: U+200D (ZWJ) between two emoji (👩‍💻) and tag characters after 🏴 (subdivision
//   flags), so emoji sequences survive.

/** C0 controls except tab (09) and LF (0A), DEL and C1 controls. CR is handled before. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidi embeddings/overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every format character plus invisible fillers that are not Cf (Hangul fillers, combining grapheme joiner). */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/gu;
const EMOJI_BEFORE = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const BLACK_FLAG = 0x1f3f4;

/** Cheap test whether a string needs any work at all (most input is plain text). */
const SUSPICIOUS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029\uD800-\uDFFF]/;

/** Hygiene for multi-line text (Markdown bodies, notes). See the module comment. */
export function cleanText(input: string): string {
  let s = input;
  if (SUSPICIOUS.test(s)) {
    s = s
      .replace(/\r\n?/g, "\n")
      .replace(/[\u2028\u2029]/g, "\n")
      .replace(CONTROLS, "")
      .replace(BIDI_CONTROLS, "")
      .replace(LONE_SURROGATE, "\uFFFD");
  }
  // NFC is cheap for ASCII; skip the call entirely for pure ASCII strings.
  return /[^\x00-\x7f]/.test(s) ? s.normalize("NFC") : s;
}

function keepInvisible(ch: string, offset: number, whole: string): boolean {
  if (ch === "\u200D") {
    return EMOJI_BEFORE.test(whole.slice(Math.max(0, offset - 2), offset)) && EMOJI_AFTER.test(whole.slice(offset + 1, offset + 3));
  }
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xe0020 && cp <= 0xe007f) {
    // Tag characters: only directly after 🏴 or after another tag character (both are two UTF-16 units).
    const prev = offset >= 2 ? whole.codePointAt(offset - 2)! : 0;
    return prev === BLACK_FLAG || (prev >= 0xe0020 && prev <= 0xe007f);
  }
  return false;
}

/** Hygiene for single-line fields (names, titles, slugs, handles). See the module comment. */
export function cleanLine(input: string): string {
  const s = cleanText(input);
  const visible = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0]/u.test(s)
    ? s.replace(INVISIBLE, (ch: string, offset: number, whole: string) => (keepInvisible(ch, offset, whole) ? ch : ""))
    : s;
  return visible.replace(/\s+/g, " ").trim();
}
