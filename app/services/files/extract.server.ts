// Text extraction for document search (issue 14), run off the request path by `runTextExtraction`: PDF via
// unpdf, with a size and time limit per file. Other formats (DOCX, ODT …) are not extracted yet: they are
// findable by name.
import { readFile } from "node:fs/promises";
import { extractText } from "unpdf";

export const MAX_EXTRACT_BYTES = 20 * 1024 * 1024;
export const EXTRACT_TIMEOUT_MS = 15_000;
export const MAX_TEXT_CHARS = 200_000;

export async function extractDocumentText(path: string, mime: string, size: number): Promise<string> {
  if (size > MAX_EXTRACT_BYTES) return "";
  if (mime !== "application/pdf" && mime !== "text/plain" && mime !== "text/csv") return "";
  const buf = await readFile(path);
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
