// Drops every 0x00 byte from the streamed HTML. React 18.3.1's renderToPipeableStream flushes its whole
// buffer when a multi-byte character does not fit, leaving 1–3 zero bytes before it (facebook/react#24985,
// fixed only in React 19). UTF-8 never uses 0x00 inside a multi-byte character, so removing the byte is
// safe at any chunk boundary. Decision record: docs/decisions/006-nul-bytes-react18.md (remove on React 19).
import { Transform, type TransformCallback } from "node:stream";

/** Removes 0x00 bytes from a buffer; returns the same buffer when there is none (the common case). */
export function stripNul(chunk: Buffer): Buffer {
  let i = chunk.indexOf(0);
  if (i === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  chunk.copy(out, 0, 0, i);
  let n = i;
  for (i++; i < chunk.length; i++) {
    const b = chunk[i];
    if (b !== 0) out[n++] = b;
  }
  return out.subarray(0, n);
}

/** A byte stream that passes everything through except 0x00 bytes. */
export function createNulFilter(): Transform {
  return new Transform({
    transform(chunk: Buffer | string, _enc: BufferEncoding, done: TransformCallback) {
      const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      const out = stripNul(buf);
      done(null, out.length ? out : undefined);
    },
  });
}
