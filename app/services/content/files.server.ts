// Reading content files safely: what the importer refuses before parsing, and why (one German reason per file).
// Checks, in this order: symbolic link (never followed), case collision, size (stat, before reading), empty,
// binary (NUL byte), invalid UTF-8 (with the byte offset), Markdown structure that would exhaust the stack.
// Pure helpers; the importer (importer.server.ts) turns a refusal into one error line "wissen/x.md: (Datei): …".
import { lstatSync, readFileSync, type Stats } from "node:fs";
import { join } from "node:path";

export type FileRefusal = { field: string; message: string };

/** Byte offset of the first invalid UTF-8 sequence, or -1 when `buf` is valid UTF-8 (overlongs, surrogates, > U+10FFFF invalid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/** C0 control characters other than tab and line feed (CR is handled as a line ending first). */
// eslint-disable-next-line no-control-regex
const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** CR LF and lone CR → LF, BOM dropped, other C0 control characters removed; returns the text and how many were removed. */
export function cleanContentText(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(C0, () => {
      removed++;
      return "";
    });
  return { text: out, removed };
}

/** Nesting that marked handles with recursion or backtracking regexes: refused before it can overflow the stack. */
export const MAX_QUOTE_DEPTH = 32;
export const MAX_LIST_INDENT = 64; // columns of indentation before a list marker (≈ 32 levels)
export const MAX_PARAGRAPH_CHARS = 200_000; // characters without a blank line (marked's setext-heading regex)

/** A reason when the Markdown body is shaped so that rendering it would exhaust the stack or take minutes, else null. */
export function markdownShapeProblem(body: string): string | null {
  let paragraph = 0;
  let start = 0;
  let lineNo = 0;
  while (start <= body.length) {
    let end = body.indexOf("\n", start);
    if (end === -1) end = body.length;
    lineNo++;
    const len = end - start;
    if (len === 0 || /^[ \t]*$/.test(body.slice(start, end))) {
      paragraph = 0;
    } else {
      paragraph += len + 1;
      if (paragraph > MAX_PARAGRAPH_CHARS)
        return `Absatz ohne Leerzeile ist länger als ${MAX_PARAGRAPH_CHARS.toLocaleString("de-DE")} Zeichen (bis Zeile ${lineNo}); bitte mit Leerzeilen gliedern`;
      // Only the line start matters for nesting: look at a bounded prefix.
      const head = body.slice(start, Math.min(end, start + MAX_LIST_INDENT * 4 + 8));
      let depth = 0;
      for (const ch of head) {
        if (ch === ">") depth++;
        else if (ch !== " " && ch !== "\t") break;
      }
      if (depth > MAX_QUOTE_DEPTH) return `Zitat in Zeile ${lineNo} ist tiefer als ${MAX_QUOTE_DEPTH} Ebenen verschachtelt`;
      const m = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(head);
      if (m && m[1].replace(/\t/g, "    ").length > MAX_LIST_INDENT)
        return `Liste in Zeile ${lineNo} ist tiefer als ${MAX_LIST_INDENT / 2} Ebenen verschachtelt`;
    }
    start = end + 1;
  }
  return null;
}

export type ReadResult = { ok: true; text: string; bytes: Buffer; warnings: string[] } | { ok: false; refusal: FileRefusal };

const refuse = (message: string, field = "(Datei)"): ReadResult => ({ ok: false, refusal: { field, message } });
const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB` : `${Math.ceil(n / 1024)} KB`);

/**
 * Reads one content file with every check of this module. `dir/name` is looked at with lstat, so a symbolic link is
 * refused (never followed) and the size is known before a single byte is read.
 */
export function readContentFile(dir: string, name: string, maxBytes: number): ReadResult {
  const path = join(dir, name);
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (e) {
    return refuse(`nicht lesbar (${(e as NodeJS.ErrnoException).code ?? "Fehler"})`);
  }
  if (st.isSymbolicLink()) return refuse("symbolischer Link – abgelehnt, wird nicht verfolgt; bitte die Datei selbst ablegen");
  if (!st.isFile()) return refuse("keine normale Datei – übersprungen");
  if (st.size > maxBytes)
    return refuse(`zu groß (${formatBytes(st.size)}; höchstens ${formatBytes(maxBytes)}, einstellbar mit CONTENT_MAX_BYTES) – nicht gelesen`);
  if (st.size === 0) return refuse("leere Datei");
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return refuse(`nicht lesbar (${(e as NodeJS.ErrnoException).code ?? "Fehler"})`);
  }
  if (bytes.length > maxBytes) return refuse(`zu groß (${formatBytes(bytes.length)}; höchstens ${formatBytes(maxBytes)}) – beim Lesen gewachsen`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return refuse(`Binärdatei (NUL-Byte an Byte-Position ${nul}) – keine Textdatei`);
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1)
    return refuse(`kein gültiges UTF-8 (ungültige Bytefolge an Byte-Position ${bad}: 0x${bytes[bad].toString(16).padStart(2, "0")}); bitte als UTF-8 speichern`);
  const raw = bytes.toString("utf8");
  if (raw.trim() === "") return refuse("leere Datei (nur Leerraum)");
  const { text, removed } = cleanContentText(raw);
  const warnings = removed ? [`${removed} Steuerzeichen entfernt`] : [];
  return { ok: true, text, bytes, warnings };
}

/**
 * Names that differ only in case ("Kapitel.md" and "kapitel.md") would overwrite each other on a case-insensitive
 * checkout. Returns, per refused name, the other names of its group: all members of a group are refused.
 */
export function caseCollisions(names: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const k = n.normalize("NFC").toLowerCase();
    const g = groups.get(k);
    if (g) g.push(n);
    else groups.set(k, [n]);
  }
  const out = new Map<string, string[]>();
  for (const g of groups.values()) if (g.length > 1) for (const n of g) out.set(n, g.filter((o) => o !== n).sort());
  return out;
}
