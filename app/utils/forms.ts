// Form helpers shared by actions and components (epic stack style: errors next to fields, summary on top).
import type { ZodError, ZodTypeAny, z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; title: string; errors: FieldErrors; values: Record<string, string> };

export function zodErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function formValues(form: FormData, skip: string[] = ["password", "passwort", "currentPassword", "newPassword", "newPassword2", "password2"]) {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !skip.includes(k)) values[k] = v;
  return values;
}

/** Parse a form against a zod schema; on failure return data for a 400 response. */
export function parseForm<S extends ZodTypeAny>(
  form: FormData,
  schema: S,
  title: string,
): { ok: true; data: z.infer<S> } | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, title, errors: zodErrors(result.error), values: formValues(form) };
}

export function failure(title: string, errors: FieldErrors, form?: FormData): FormFailure {
  return { ok: false, title, errors, values: form ? formValues(form) : {} };
}

export const fieldId = (name: string) => `feld-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
export const errorId = (name: string) => `${fieldId(name)}-fehler`;
