// Form helpers shared by actions and components (epic stack style: errors next to fields, summary on top).
// Every submitted form passes `readForm` once: one linear pass over the entries, at most MAX_FORM_FIELDS
// entries, and text hygiene (`cleanText`) on every value, so no control character or bidi override reaches a
// schema, the database or the page. Single-line fields (names, titles, slugs) use `line()`, which applies the
// stricter `cleanLine`; bodies use `body()`. Both carry a German length limit that names the maximum.
import { z, type ZodError, type ZodTypeAny } from "zod";
import { cleanLine, cleanText } from "./text-hygiene";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; title: string; errors: FieldErrors; values: Record<string, string> };

/** Defence in depth behind the server's 413: no form of ours has more than a few hundred fields. */
export const MAX_FORM_FIELDS = 1000;
export const TOO_MANY_FIELDS_MESSAGE = `Das Formular enthält zu viele Felder (höchstens ${MAX_FORM_FIELDS.toLocaleString("de-DE")}). Bitte laden Sie die Seite neu und senden Sie es erneut.`;

/** Length limits used across the forms (characters). */
export const LIMITS = {
  /** Display names, person and city names. */
  name: 100,
  /** Titles of topics, articles, programmes, projects. */
  title: 200,
  /** Short one-line texts: labels, units, contact roles. */
  short: 300,
  /** Summaries and notes. */
  text: 2_000,
  /** Forum posts and replies, project updates. */
  post: 50_000,
  /** Article and programme bodies. */
  article: 200_000,
  /** Each of the project grid fields. */
  grid: 8_000,
} as const;

const de = (n: number) => n.toLocaleString("de-DE");
export const tooLong = (max: number) => `Höchstens ${de(max)} Zeichen erlaubt.`;

const TEXT_ERRORS = { required_error: "Bitte füllen Sie dieses Feld aus.", invalid_type_error: "Bitte geben Sie hier nur einen Text ein." };

/**
 * A single-line text field: `cleanLine` (invisible characters removed, white space collapsed, trimmed), then a
 * length limit with a German message naming the limit, and optionally a minimum.
 */
export function line(max: number, opts: { min?: number; minMessage?: string; message?: string } = {}) {
  let inner = z.string();
  if (opts.min) inner = inner.min(opts.min, opts.minMessage ?? `Mindestens ${de(opts.min)} Zeichen.`);
  return z.string(TEXT_ERRORS).transform(cleanLine).pipe(inner.max(max, opts.message ?? tooLong(max)));
}

/** A multi-line text (Markdown body, note): already cleaned by `readForm`; trimmed, limited, optional minimum. */
export function body(max: number, opts: { min?: number; minMessage?: string; message?: string } = {}) {
  let s = z.string(TEXT_ERRORS).trim();
  if (opts.min) s = s.min(opts.min, opts.minMessage ?? `Mindestens ${de(opts.min)} Zeichen.`);
  return s.max(max, opts.message ?? tooLong(max));
}

export function zodErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

const SECRET_FIELDS = ["password", "passwort", "currentPassword", "newPassword", "newPassword2", "password2"];

/** Values to re-fill a form after an error (first value per key, passwords left out). One pass. */
export function formValues(form: FormData, skip: string[] = SECRET_FIELDS) {
  const values: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of form.entries()) {
    if (++n > MAX_FORM_FIELDS) break;
    if (typeof v === "string" && !skip.includes(k) && !Object.hasOwn(values, k)) values[k] = cleanText(v);
  }
  return values;
}

export type FormFields = {
  /** Cleaned string values per key, in submission order (files are dropped). */
  all: Map<string, string[]>;
  get(key: string): string | undefined;
  getAll(key: string): string[];
  has(key: string): boolean;
};

/**
 * Reads a form in one pass: null when it has more than MAX_FORM_FIELDS entries, else every string value cleaned
 * with `cleanText` and grouped by key. Passwords are not cleaned (they are compared byte for byte).
 */
export function readForm(form: FormData): FormFields | null {
  const all = new Map<string, string[]>();
  let n = 0;
  for (const [k, v] of form.entries()) {
    if (++n > MAX_FORM_FIELDS) return null;
    if (typeof v !== "string") continue;
    const value = SECRET_FIELDS.includes(k) ? v : cleanText(v);
    const list = all.get(k);
    if (list) list.push(value);
    else all.set(k, [value]);
  }
  return {
    all,
    get: (key) => all.get(key)?.[0],
    getAll: (key) => all.get(key) ?? [],
    has: (key) => all.has(key),
  };
}

/**
 * A FormData with the same entries, cleaned (`readForm`), for parsers that work on FormData. Null when the form
 * has too many fields.
 */
export function cleanFormData(form: FormData): FormData | null {
  const fields = readForm(form);
  if (!fields) return null;
  const out = new FormData();
  for (const [k, values] of fields.all) for (const v of values) out.append(k, v);
  return out;
}

/** Parse a form against a zod schema; on failure return data for a 400 response. */
export function parseForm<S extends ZodTypeAny>(
  form: FormData,
  schema: S,
  title: string,
): { ok: true; data: z.infer<S> } | FormFailure {
  const fields = readForm(form);
  if (!fields) return { ok: false, title, errors: { _form: TOO_MANY_FIELDS_MESSAGE }, values: {} };
  const raw: Record<string, unknown> = {};
  for (const [key, all] of fields.all) raw[key] = all.length > 1 ? all : all[0];
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, title, errors: zodErrors(result.error), values: formValues(form) };
}

export function failure(title: string, errors: FieldErrors, form?: FormData): FormFailure {
  return { ok: false, title, errors, values: form ? formValues(form) : {} };
}

export const fieldId = (name: string) => `feld-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
export const errorId = (name: string) => `${fieldId(name)}-fehler`;
