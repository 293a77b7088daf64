// Bounded request bodies, checked in the server before Remix sees the request (decision record
// docs/decisions/006-request-guards.md). The body is read while counting bytes and form fields; at the
// first byte over the limit, or the first field over the limit, the request gets 413 and the rest of the
// body is never parsed. An accepted body (at most the limit, 1 MB by default) is kept in memory and handed
// to Remix as the request body.
import type { IncomingMessage, ServerResponse } from "node:http";

export type BodyLimits = {
  /** bytes for every route without its own entry */
  maxBytes: number;
  /** fields in one urlencoded or multipart body */
  maxFields: number;
  /** path prefixes with their own byte limit (small endpoints, later upload routes); first match wins */
  routes?: { prefix: string; maxBytes: number }[];
};

export const TOO_LARGE = "Die Anfrage ist zu groß. Bitte kürzen Sie Ihre Eingabe oder teilen Sie sie auf mehrere Beiträge auf.";
export const TOO_MANY_FIELDS = "Die Anfrage enthält zu viele Formularfelder und wurde abgelehnt.";

/** Counts form fields in a body that arrives in chunks (urlencoded: `&`-separated; multipart: boundaries). */
export class FieldCounter {
  private needle: Buffer | null;
  private tail = Buffer.alloc(0);
  private seen = 0;
  private nonEmpty = false;
  constructor(private kind: "urlencoded" | "multipart" | "other", boundary?: string) {
    this.needle = kind === "multipart" && boundary ? Buffer.from(`--${boundary}`, "latin1") : null;
  }

  static forContentType(contentType: string | undefined): FieldCounter {
    const ct = (contentType ?? "").toLowerCase();
    if (ct.startsWith("application/x-www-form-urlencoded")) return new FieldCounter("urlencoded");
    if (ct.startsWith("multipart/form-data")) {
      const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? "");
      return new FieldCounter("multipart", m ? (m[1] ?? m[2]) : undefined);
    }
    return new FieldCounter("other");
  }

  /** Adds a chunk; returns the number of fields seen so far. */
  add(chunk: Buffer): number {
    if (this.kind === "urlencoded") {
      if (chunk.length) this.nonEmpty = true;
      for (let i = chunk.indexOf(0x26); i !== -1; i = chunk.indexOf(0x26, i + 1)) this.seen++;
    } else if (this.kind === "multipart" && this.needle) {
      // Search the carried-over tail plus the chunk, so a boundary split across chunks is found once.
      const hay = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
      const n = this.needle;
      let from = 0;
      for (let i = hay.indexOf(n, from); i !== -1; i = hay.indexOf(n, from)) {
        this.seen++;
        from = i + n.length;
      }
      const keep = Math.min(n.length - 1, hay.length - from);
      this.tail = Buffer.from(hay.subarray(hay.length - keep));
    }
    return this.count();
  }

  count(): number {
    if (this.kind === "urlencoded") return this.nonEmpty ? this.seen + 1 : 0;
    if (this.kind === "multipart") return Math.max(0, this.seen - 1); // the closing delimiter opens no field
    return 0;
  }
}

export function limitFor(path: string, limits: BodyLimits): number {
  for (const r of limits.routes ?? []) if (path === r.prefix || path.startsWith(`${r.prefix}/`)) return r.maxBytes;
  return limits.maxBytes;
}

declare module "node:http" {
  interface IncomingMessage {
    /** the request body as read and checked by the body guard (undefined for GET/HEAD) */
    guardedBody?: Buffer;
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, text: string) {
  if (res.headersSent) return;
  res.statusCode = 413;
  // Close the connection after the answer: the rest of the body is never read.
  res.setHeader("Connection", "close");
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(text);
  // Discard what the client still sends until the answer is out, then drop the connection. Discarding
  // costs no parsing; the socket is ended after the response (Connection: close).
  req.resume();
  res.on("finish", () => setTimeout(() => req.socket.destroy(), 1000).unref());
}

/** Express-style middleware: reads and bounds the body, then calls next() with `req.guardedBody` set. */
export function bodyGuard(limits: BodyLimits) {
  return (req: IncomingMessage & { path?: string }, res: ServerResponse, next: (err?: unknown) => void) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const path = req.path ?? (req.url ?? "/").split("?")[0];
    const maxBytes = limitFor(path, limits);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) return refuse(req, res, TOO_LARGE);
    const counter = FieldCounter.forContentType(req.headers["content-type"]);
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    const finish = (err?: unknown, refusal?: string) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (refusal) return refuse(req, res, refusal);
      if (err) return next(err);
      req.guardedBody = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
      next();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) return finish(undefined, TOO_LARGE);
      if (counter.add(chunk) > limits.maxFields) return finish(undefined, TOO_MANY_FIELDS);
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (e: unknown) => finish(e);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}
