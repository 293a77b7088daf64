// Bounded request bodies, checked in the server before Remix sees the request (decision record
// docs/decisions/007-request-guards.md). The body is read while counting bytes and form fields; at the
// first byte over the limit, or the first field over the limit, the request gets 413 and the rest of the
// body is never parsed. An accepted body (at most the limit, 1 MB by default) is kept in memory and handed
// to Remix as the request body.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Transform } from "node:stream";

export type BodyLimits = {
  /** bytes for every route without its own entry */
  maxBytes: number;
  /** fields in one urlencoded or multipart body */
  maxFields: number;
  /**
   * Path prefixes with their own byte limit and accepted body types (small endpoints, later upload routes);
   * first match wins. Every other route accepts only HTML form bodies.
   */
  routes?: { prefix: string; maxBytes: number; types?: string[] }[];
  /**
   * Upload routes (issue 14): a multipart body to a path matching `pattern` is not buffered but handed to Remix as
   * a stream (`req.guardedStream`), still counted byte by byte and field by field against its own `maxBytes` and
   * `maxFields`; at the first byte over, the request gets 413 and the stream Remix reads fails. Other bodies to
   * these paths (urlencoded forms) are buffered as everywhere else.
   */
  streamRoutes?: { pattern: RegExp; maxBytes: number }[];
};

/** What browsers send for our forms (Remix's <Form> and useSubmit use the same two). */
export const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export const TOO_LARGE = "Die Anfrage ist zu groß. Bitte kürzen Sie Ihre Eingabe oder teilen Sie sie auf mehrere Beiträge auf.";
export const TOO_MANY_FIELDS = "Die Anfrage enthält zu viele Formularfelder und wurde abgelehnt.";
export const WRONG_TYPE = "Diese Adresse nimmt nur Formulardaten entgegen.";
export const MALFORMED = "Die Formulardaten sind fehlerhaft und wurden nicht bearbeitet.";

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

function routeFor(path: string, limits: BodyLimits) {
  return (limits.routes ?? []).find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
}

export function limitFor(path: string, limits: BodyLimits): number {
  return routeFor(path, limits)?.maxBytes ?? limits.maxBytes;
}

/** Media type without parameters, lower case ("" when absent). */
function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/** A multipart body must open with its boundary and be closed by it; otherwise it is refused before Remix. */
export function isWellFormedMultipart(contentType: string | undefined, body: Buffer): boolean {
  const m = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? "");
  if (!m) return false;
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`, "latin1");
  let start = 0;
  while (start < body.length && (body[start] === 0x0d || body[start] === 0x0a)) start++;
  if (body.indexOf(delimiter, start) !== start) return false;
  return body.lastIndexOf(Buffer.concat([delimiter, Buffer.from("--")])) > start;
}

declare module "node:http" {
  interface IncomingMessage {
    /** the request body as read and checked by the body guard (undefined for GET/HEAD) */
    guardedBody?: Buffer;
    /** an upload route's multipart body, streamed through the guard's byte and field count (see streamRoutes) */
    guardedStream?: Transform;
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, text: string, status = 413) {
  if (res.headersSent) return;
  res.statusCode = status;
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
    const route = routeFor(path, limits);
    const maxBytes = route?.maxBytes ?? limits.maxBytes;
    const declared = Number(req.headers["content-length"]);
    const type = mediaType(req.headers["content-type"]);
    // upload routes: multipart bodies stream through with their own limit (checked there, also against Content-Length)
    const stream = type === "multipart/form-data" ? (limits.streamRoutes ?? []).find((r) => r.pattern.test(path)) : undefined;
    if (stream) return streamThrough(req, res, next, stream.maxBytes, limits.maxFields);
    if (Number.isFinite(declared) && declared > maxBytes) return refuse(req, res, TOO_LARGE);
    const hasBody = (Number.isFinite(declared) && declared > 0) || req.headers["transfer-encoding"] !== undefined;
    if (hasBody && !(route?.types ?? FORM_TYPES).includes(type)) return refuse(req, res, WRONG_TYPE, 415);
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
      if (type === "multipart/form-data" && total > 0 && !isWellFormedMultipart(req.headers["content-type"], req.guardedBody)) {
        return refuse(req, res, MALFORMED, 400);
      }
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

class BodyRefused extends Error {}

/**
 * Upload routes: the body flows through a counting Transform into Remix. Over the byte or field limit, the client
 * gets 413 at once and the Transform fails, so the upload handler stops writing and removes its temp files.
 */
function streamThrough(req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void, maxBytes: number, maxFields: number) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return refuse(req, res, TOO_LARGE);
  const counter = FieldCounter.forContentType(req.headers["content-type"]);
  let total = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      const refusal = total > maxBytes ? TOO_LARGE : counter.add(chunk) > maxFields ? TOO_MANY_FIELDS : null;
      if (refusal) {
        req.unpipe(counted);
        refuse(req, res, refusal);
        return done(new BodyRefused(refusal));
      }
      done(null, chunk);
    },
  });
  // a client that goes away mid-upload: the stream fails, the upload handler cleans up
  req.on("close", () => {
    if (!req.complete) counted.destroy(new BodyRefused("aborted"));
  });
  req.on("error", (e) => counted.destroy(e));
  req.pipe(counted);
  req.guardedStream = counted;
  next();
}
