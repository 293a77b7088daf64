// Streaming multipart parsing for forms with file fields (issue 14). The server's body guard lets multipart
// bodies of the upload routes through as a stream (scripts/lib/body-guard.ts, `streamRoutes`); here every file
// part goes straight into a temp file under FILES_DIR/tmp while it is hashed (streamToTemp), text fields are kept
// in memory up to a small limit. Nothing is decided here: the caller sniffs and stores the files, and must call
// `cleanup()` in a finally block, which removes every temp file that was not moved into the store.
import { rmSync } from "node:fs";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { FileTooLarge, streamToTemp, type TempUpload } from "./upload.server";
import { MAX_FILE_BYTES } from "./sniff.server";

export type UploadedFile = { field: string; name: string; temp: TempUpload | null; refusal: string | null };
export type UploadForm = { form: FormData; files: UploadedFile[]; cleanup: () => void };

export class UploadFormError extends Error {}

/** Bytes of all text fields of one multipart form together (the post body limit is 50,000 characters). */
export const MAX_TEXT_BYTES = 1024 * 1024;

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

async function drain(data: AsyncIterable<Uint8Array>) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for await (const _ of data);
}

function displayName(filename: string): string {
  // eslint-disable-next-line no-control-regex
  return filename.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "datei";
}

/**
 * Reads a request body as multipart form data: files of `fileField` (at most `maxFiles`) into temp files, other
 * file fields ignored, text fields into the returned FormData. A file over the size limit, or one too many, is not
 * kept but recorded with its refusal (the rest of its bytes are read and dropped), so the caller can refuse the
 * whole submit naming the file. A broken or cut-off body throws UploadFormError after removing all temp files.
 * Urlencoded bodies are read as usual (no files).
 */
export async function readUploadForm(request: Request, opts: { fileField: string; maxFiles: number; maxFileBytes?: number }): Promise<UploadForm> {
  if (!isMultipart(request)) return { form: await request.formData(), files: [], cleanup: () => undefined };
  const files: UploadedFile[] = [];
  const cleanup = () => {
    for (const f of files) if (f.temp) rmSync(f.temp.tempPath, { force: true });
  };
  let textBytes = 0;
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) {
      // an empty file input sends one part without a name and without content
      if (part.filename === "" || part.name !== opts.fileField) {
        await drain(part.data);
        return undefined;
      }
      const name = displayName(part.filename);
      const entry: UploadedFile = { field: part.name, name, temp: null, refusal: null };
      files.push(entry);
      if (files.length > opts.maxFiles) {
        entry.refusal = `„${name}“ wurde nicht gespeichert: Sie können höchstens ${opts.maxFiles} Dateien auf einmal anhängen.`;
        await drain(part.data);
        return undefined;
      }
      try {
        entry.temp = await streamToTemp(part.data, opts.maxFileBytes ?? MAX_FILE_BYTES);
      } catch (e) {
        if (!(e instanceof FileTooLarge)) throw e;
        entry.refusal = `„${name}“ wurde nicht gespeichert: die Datei ist größer als ${Math.round(e.limit / 1024 / 1024)} MB.`;
        await drain(part.data);
      }
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) {
      textBytes += chunk.byteLength;
      if (textBytes > MAX_TEXT_BYTES) throw new UploadFormError("Die Textfelder des Formulars sind zu lang.");
      chunks.push(chunk);
    }
    return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  };
  try {
    const form = await unstable_parseMultipartFormData(request, handler);
    return { form, files, cleanup };
  } catch (e) {
    cleanup();
    if (e instanceof UploadFormError) throw e;
    throw new UploadFormError("Die Formulardaten sind unvollständig oder fehlerhaft und wurden nicht gespeichert.");
  }
}
