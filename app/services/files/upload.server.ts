// Streams an upload into a temp file under FILES_DIR/tmp while hashing it; aborts at the size limit and
// removes the temp file. Never holds a whole file in memory.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, rmSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./storage.server";
import { MAX_FILE_BYTES } from "./sniff.server";

export class FileTooLarge extends Error {
  constructor(public limit: number) {
    super("file too large");
  }
}

export type TempUpload = { tempPath: string; sha256: string; size: number };

export async function streamToTemp(data: AsyncIterable<Uint8Array>, maxBytes = MAX_FILE_BYTES): Promise<TempUpload> {
  const tempPath = join(tempDir(), `up-${randomBytes(12).toString("hex")}`);
  const out = createWriteStream(tempPath, { flags: "wx" });
  const hash = createHash("sha256");
  let size = 0;
  const finish = () => new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new FileTooLarge(maxBytes);
      hash.update(chunk);
      if (!out.write(chunk)) {
        await new Promise<void>((res, rej) => {
          const onError = (e: Error) => rej(e);
          out.once("error", onError);
          out.once("drain", () => {
            out.off("error", onError);
            res();
          });
        });
      }
    }
    await finish();
    return { tempPath, sha256: hash.digest("hex"), size };
  } catch (e) {
    // wait until the stream is closed: destroyed before its file was open, it would still create it afterwards
    if (!out.closed) await new Promise<void>((res) => out.once("close", () => res()).destroy());
    rmSync(tempPath, { force: true });
    throw e;
  }
}
