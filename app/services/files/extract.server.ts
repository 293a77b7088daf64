// Text extraction for document search (issue 14), run off the request path by `runTextExtraction`: PDF via
// unpdf; DOCX, PPTX, XLSX, ODT, ODS, ODP are zip files whose text lives in a few XML parts, read with fflate
// (only those parts are inflated; the declared sizes of all of them together and the number of entries are
// capped, so a zip bomb cannot fill the memory: fflate inflates into a buffer of the declared size and no more).
// Every file: a size and a time limit.
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { extractText } from "unpdf";

export const MAX_EXTRACT_BYTES = 20 * 1024 * 1024;
export const EXTRACT_TIMEOUT_MS = 15_000;
export const MAX_TEXT_CHARS = 200_000;
/** Office/ODF files: at most this many uncompressed bytes are read from the text parts together … */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/** … and a zip with more entries than this is not read at all. */
export const MAX_ZIP_ENTRIES = 5_000;

export class ExtractLimit extends Error {}

type ZipKind = {
  parts: (name: string) => boolean;
  order?: (a: string, b: string) => number;
  text: (xml: string, name: string) => string;
};

const slideNo = (n: string) => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);

const ZIP_KINDS: Record<string, ZipKind> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    parts: (n) => n === "word/document.xml",
    text: (xml) => xmlText(xml, { para: ["w:p"], tab: ["w:tab"], br: ["w:br", "w:cr"] }),
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    parts: (n) => /^ppt\/slides\/slide\d+\.xml$/.test(n),
    order: (a, b) => slideNo(a) - slideNo(b),
    text: (xml) => xmlText(xml, { para: ["a:p"], tab: ["a:tab"], br: ["a:br"] }),
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    parts: (n) => n === "xl/sharedStrings.xml" || /^xl\/worksheets\/sheet\d+\.xml$/.test(n),
    order: (a, b) => (a === "xl/sharedStrings.xml" ? -1 : b === "xl/sharedStrings.xml" ? 1 : slideNo(a) - slideNo(b)),
    // shared strings: one per <si>; worksheets: only inline strings (<is>), numbers are not searched for
    text: (xml, name) => (name === "xl/sharedStrings.xml" ? xmlText(xml, { para: ["si"] }) : [...xml.matchAll(/<is>([\s\S]*?)<\/is>/g)].map((m) => xmlText(m[1], {})).join("\n")),
  },
};
const odf: ZipKind = {
  parts: (n) => n === "content.xml",
  text: (xml) =>
    xmlText(xml, {
      para: ["text:p", "text:h", "text:list-item"],
      tab: ["text:tab"],
      br: ["text:line-break"],
      space: ["text:s"],
    }),
};
for (const m of ["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.presentation"])
  ZIP_KINDS[m] = odf;

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** Decodes the five XML entities and numeric character references (invalid code points become nothing). */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] !== "#") return ENTITIES[e.toLowerCase()] ?? all;
    const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : "";
  });
}

const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * XML to plain text: the end of a paragraph element is a line break, tab/break/space elements become their
 * characters, every other tag goes, entities are decoded, runs of spaces collapse, empty lines are dropped.
 */
export function xmlText(xml: string, tags: { para?: string[]; tab?: string[]; br?: string[]; space?: string[] }): string {
  let s = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const rep = (names: string[] | undefined, re: (n: string) => string, by: string) => {
    for (const n of names ?? []) s = s.replace(new RegExp(re(esc(n)), "g"), by);
  };
  rep(tags.para, (n) => `</${n}>|<${n}(?:\\s[^>]*)?/>`, "\n");
  rep(tags.tab, (n) => `<${n}(?:\\s[^>]*)?/>`, "\t");
  rep(tags.br, (n) => `<${n}(?:\\s[^>]*)?/>`, "\n");
  rep(tags.space, (n) => `<${n}(?:\\s[^>]*)?/>`, " ");
  s = decodeXmlEntities(s.replace(/<[^>]*>/g, ""));
  return s
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/**
 * The text of an Office/ODF file (a zip): only the text parts of its kind are inflated; more than MAX_ZIP_ENTRIES
 * entries or more than MAX_UNZIPPED_BYTES declared for those parts throws ExtractLimit. `deadline` (ms since epoch)
 * is checked between parts.
 */
export function zipDocumentText(buf: Uint8Array, mime: string, deadline = Date.now() + EXTRACT_TIMEOUT_MS): string {
  const kind = ZIP_KINDS[mime];
  if (!kind) return "";
  let entries = 0;
  let bytes = 0;
  const parts = unzipSync(buf, {
    filter: (f) => {
      if (++entries > MAX_ZIP_ENTRIES) throw new ExtractLimit("Zu viele Einträge in der Datei");
      if (!kind.parts(f.name)) return false;
      bytes += Math.max(f.originalSize, f.size);
      if (bytes > MAX_UNZIPPED_BYTES) throw new ExtractLimit("Entpackt zu groß");
      return true;
    },
  });
  const names = Object.keys(parts).sort(kind.order);
  const out: string[] = [];
  let chars = 0;
  const decoder = new TextDecoder("utf-8");
  for (const name of names) {
    if (Date.now() > deadline) throw new ExtractLimit("Zeitlimit bei der Textextraktion");
    const text = kind.text(decoder.decode(parts[name]), name);
    if (text) out.push(text);
    chars += text.length;
    if (chars >= MAX_TEXT_CHARS) break;
  }
  return out.join("\n\n").slice(0, MAX_TEXT_CHARS);
}

export async function extractDocumentText(path: string, mime: string, size: number): Promise<string> {
  if (size > MAX_EXTRACT_BYTES) return "";
  const zip = mime in ZIP_KINDS;
  if (mime !== "application/pdf" && mime !== "text/plain" && mime !== "text/csv" && !zip) return "";
  const buf = await readFile(path);
  if (zip) return zipDocumentText(new Uint8Array(buf), mime);
  if (mime !== "application/pdf") return buf.toString("utf8").slice(0, MAX_TEXT_CHARS);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error("Zeitlimit bei der Textextraktion")), EXTRACT_TIMEOUT_MS);
  });
  try {
    const { text } = await Promise.race([extractText(new Uint8Array(buf), { mergePages: true }), timeout]);
    return (Array.isArray(text) ? text.join("\n") : text).slice(0, MAX_TEXT_CHARS);
  } finally {
    clearTimeout(timer);
  }
}
