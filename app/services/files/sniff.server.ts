// Which files we accept, decided by their content (magic bytes via file-type), never by name or the browser's claim.
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const ALLOWED: Record<string, { ext: string; label: string }> = {
  "application/pdf": { ext: "pdf", label: "PDF" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: "docx", label: "Word" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { ext: "xlsx", label: "Excel" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { ext: "pptx", label: "PowerPoint" },
  "application/vnd.oasis.opendocument.text": { ext: "odt", label: "ODT" },
  "application/vnd.oasis.opendocument.spreadsheet": { ext: "ods", label: "ODS" },
  "application/vnd.oasis.opendocument.presentation": { ext: "odp", label: "ODP" },
  "image/png": { ext: "png", label: "PNG-Bild" },
  "image/jpeg": { ext: "jpg", label: "JPEG-Bild" },
  "image/webp": { ext: "webp", label: "WebP-Bild" },
  "text/csv": { ext: "csv", label: "CSV" },
  "text/plain": { ext: "txt", label: "Text" },
};

export type Sniffed = { ok: true; mime: string; ext: string } | { ok: false; reason: string };

const MARKUP = /^\s*(<\?xml|<!doctype|<html|<svg|<head|<body|<script|<!--)|<svg[\s>]|<html[\s>]|<script[\s>]/i;

/** Plain text: valid UTF-8, no NUL, does not look like HTML/SVG/XML. Only the first 64 KB are read. */
async function sniffText(path: string, nameExt: string): Promise<Sniffed> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead === 0) return { ok: false, reason: "die Datei ist leer" };
    if (head.includes(0)) return { ok: false, reason: "der Dateityp ist nicht erlaubt" };
    let text: string;
    try {
      // a multi-byte character cut at 64 KB is fine: drop up to 3 trailing bytes before decoding
      const cut = bytesRead === buf.length ? head.subarray(0, bytesRead - 3) : head;
      text = new TextDecoder("utf-8", { fatal: true }).decode(cut);
    } catch {
      return { ok: false, reason: "Textdateien müssen UTF-8-kodiert sein" };
    }
    if (MARKUP.test(text.slice(0, 4096))) return { ok: false, reason: "HTML-, SVG- und XML-Dateien sind nicht erlaubt" };
    return nameExt === "csv" ? { ok: true, mime: "text/csv", ext: "csv" } : { ok: true, mime: "text/plain", ext: "txt" };
  } finally {
    await fh.close();
  }
}

export async function sniffFile(path: string, originalName: string): Promise<Sniffed> {
  const nameExt = (/\.([a-z0-9]{1,8})$/i.exec(originalName)?.[1] ?? "").toLowerCase();
  const found = await fileTypeFromFile(path);
  if (found) {
    const allowed = ALLOWED[found.mime];
    if (!allowed || found.mime.startsWith("text/")) {
      if (found.mime === "image/svg+xml" || found.mime === "application/xml" || found.mime === "text/html") {
        return { ok: false, reason: "HTML-, SVG- und XML-Dateien sind nicht erlaubt" };
      }
      return { ok: false, reason: `der Dateityp ${found.ext.toUpperCase()} ist nicht erlaubt` };
    }
    return { ok: true, mime: found.mime, ext: allowed.ext };
  }
  return sniffText(path, nameExt);
}

export const ALLOWED_HINT = "Erlaubt sind PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT, PNG, JPEG und WebP bis 20 MB.";
