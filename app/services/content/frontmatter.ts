// Front-matter schemas of the public content format (DESIGN.md "Content files", documented in content/README.md).
// Pure module: used by the importer, the web editor and tests.
import { parseDocument } from "yaml";
import { z } from "zod";
import {
  ANTRAGSBERECHTIGT,
  ARTICLE_STATUS,
  ARTICLE_TYPES,
  EBENEN,
  FONDS,
  HANDLUNGSFELDER,
  PROGRAMME_STATUS,
  STATIONEN,
  keysOf,
} from "~/utils/taxonomy";

/** A calendar date as `YYYY-MM-DD`; accepts YAML dates (Date objects) and strings. */
export const isoDate = z.preprocess(
  (v) => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === "string") return v.trim();
    return v;
  },
  z
    .string({ invalid_type_error: "muss ein Datum sein (JJJJ-MM-TT)" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "muss ein Datum sein (JJJJ-MM-TT)")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: "ist kein gültiges Datum",
    }),
);

const text = z.string({ required_error: "fehlt", invalid_type_error: "muss Text sein" }).trim().min(1, "darf nicht leer sein");
const optText = z.string({ invalid_type_error: "muss Text sein" }).trim().optional();
const fraction = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
  z.number({ invalid_type_error: "muss eine Zahl zwischen 0 und 1 sein" }).min(0, "muss zwischen 0 und 1 liegen").max(1, "muss zwischen 0 und 1 liegen"),
);
function list<T extends z.ZodTypeAny>(item: T) {
  return z.array(item, { required_error: "fehlt (leere Liste [] ist erlaubt)", invalid_type_error: "muss eine Liste sein" });
}
function enumOf<T extends Record<string, string>>(o: T, what: string) {
  const keys = keysOf(o);
  return z.enum(keys, { errorMap: () => ({ message: `unbekannter Wert für ${what}; erlaubt: ${keys.join(", ")}` }) });
}

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug: nur Kleinbuchstaben, Ziffern und Bindestriche");
const citySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Stadt-Slug: nur Kleinbuchstaben, Ziffern und Bindestriche");

export const chartSchema = z.object({
  titel: text,
  einheit: optText,
  quelle: optText,
  kategorien: z.array(z.coerce.string()).min(1, "braucht mindestens eine Kategorie"),
  reihen: z
    .array(z.object({ name: text, werte: z.array(z.number({ invalid_type_error: "Werte müssen Zahlen sein" })) }))
    .min(1, "braucht mindestens eine Reihe"),
}).superRefine((c, ctx) => {
  c.reihen.forEach((r, i) => {
    if (r.werte.length !== c.kategorien.length)
      ctx.addIssue({ code: "custom", path: ["reihen", i, "werte"], message: `hat ${r.werte.length} Werte, erwartet ${c.kategorien.length}` });
  });
});
export type Chart = z.infer<typeof chartSchema>;

/**
 * `verantwortlich` / `vertretung`: a Redaktion user's e-mail address or @handle (the part of the e-mail
 * address before the "@"), or `redaktion` for the Redaktion team. Resolved to a user at import
 * (app/models/review.server.ts); an unknown address or handle falls back to the team.
 */
export const ownerRef = z
  .string({ invalid_type_error: "muss Text sein (E-Mail-Adresse, @kürzel oder redaktion)" })
  .trim()
  .max(254, "ist zu lang (höchstens 254 Zeichen)")
  .refine((v) => /^redaktion$/i.test(v) || /^@[a-z0-9][a-z0-9._+-]{0,63}$/i.test(v) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    message: "muss eine E-Mail-Adresse, ein @kürzel oder „redaktion“ sein",
  });

/** A `stand` later than `pruefen_bis` cannot be right: the entry would be due for review before it was checked. */
function standNotAfterReview(d: { stand?: string; pruefen_bis?: string }, ctx: z.RefinementCtx) {
  if (d.stand && d.pruefen_bis && d.stand > d.pruefen_bis)
    ctx.addIssue({ code: "custom", path: ["pruefen_bis"], message: `liegt vor dem Stand (${d.stand}); prüfen_bis muss am oder nach dem Stand liegen` });
}

const articleFrontmatterBase = z.object({
  title: text,
  type: enumOf(ARTICLE_TYPES, "type"),
  summary: text,
  handlungsfelder: list(enumOf(HANDLUNGSFELDER, "handlungsfelder")),
  ebenen: list(enumOf(EBENEN, "ebenen")),
  staedte: list(citySlug),
  stand: isoDate,
  quellen: list(text),
  pruefen_bis: isoDate.optional(),
  status: enumOf(ARTICLE_STATUS, "status").default("veroeffentlicht"),
  zielgruppen: list(slugSchema).optional(),
  station: enumOf(STATIONEN, "station").optional(),
  diagramm: chartSchema.optional(),
  verantwortlich: ownerRef.optional(),
  vertretung: ownerRef.optional(),
});
export const articleFrontmatter = articleFrontmatterBase.superRefine(standNotAfterReview);
export type ArticleFrontmatter = z.infer<typeof articleFrontmatter>;

export const programmeFrontmatter = z
  .object({
    title: text,
    kurz: text,
    fonds: enumOf(FONDS, "fonds"),
    geber: text,
    ebene: enumOf(EBENEN, "ebene"),
    antragsberechtigt: list(enumOf(ANTRAGSBERECHTIGT, "antragsberechtigt")),
    handlungsfelder: list(enumOf(HANDLUNGSFELDER, "handlungsfelder")),
    foerderquote: fraction.optional(),
    eigenanteil: fraction.optional(),
    kofinanzierung: optText,
    ausschluss: list(text).optional(),
    fristen: list(z.object({ bezeichnung: text, datum: isoDate })).optional(),
    laufzeit_von: isoDate.optional(),
    laufzeit_bis: isoDate.optional(),
    url: z.string().url("muss eine vollständige URL sein").refine((u) => /^https?:\/\//i.test(u), "nur http(s)-Adressen").optional(),
    status: enumOf(PROGRAMME_STATUS, "status"),
    summary: text,
    stand: isoDate.optional(),
    pruefen_bis: isoDate.optional(),
    quellen: list(text).optional(),
    verantwortlich: ownerRef.optional(),
    vertretung: ownerRef.optional(),
  })
  .superRefine((p, ctx) => {
    standNotAfterReview(p, ctx);
    if (p.laufzeit_von && p.laufzeit_bis && p.laufzeit_bis < p.laufzeit_von)
      ctx.addIssue({ code: "custom", path: ["laufzeit_bis"], message: "liegt vor dem Beginn der Laufzeit" });
    p.fristen?.forEach((f, i) => {
      if (p.laufzeit_von && f.datum < p.laufzeit_von)
        ctx.addIssue({ code: "custom", path: ["fristen", i, "datum"], message: "liegt vor dem Beginn des Programms" });
    });
  });
export type ProgrammeFrontmatter = z.infer<typeof programmeFrontmatter>;

export const KNOWN_ARTICLE_KEYS = new Set(Object.keys(articleFrontmatterBase.shape));
export const KNOWN_PROGRAMME_KEYS = new Set([
  "title", "kurz", "fonds", "geber", "ebene", "antragsberechtigt", "handlungsfelder", "foerderquote", "eigenanteil",
  "kofinanzierung", "ausschluss", "fristen", "laufzeit_von", "laufzeit_bis", "url", "status", "summary", "stand",
  "pruefen_bis", "quellen", "verantwortlich", "vertretung",
]);

export type FieldError = { field: string; message: string };
export type ParsedFile<T> =
  | { ok: true; data: T; body: string; warnings: string[] }
  | { ok: false; errors: FieldError[]; warnings: string[] };

/** Split `---\nYAML\n---\nbody`. Returns null when there is no front matter block. */
export function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const s = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(s);
  if (!m) return null;
  return { yaml: m[1], body: s.slice(m[0].length).trim() };
}

export function parseContentFile<T>(
  source: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  knownKeys: Set<string>,
): ParsedFile<T> {
  const warnings: string[] = [];
  const parts = splitFrontmatter(source);
  if (!parts) return { ok: false, errors: [{ field: "(front matter)", message: "fehlt: die Datei muss mit --- beginnen und einen YAML-Block enthalten" }], warnings };
  const doc = parseDocument(parts.yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ field: "(YAML)", message: `${e.message.split("\n")[0]}` })),
      warnings,
    };
  }
  const raw = doc.toJS({ maxAliasCount: 50 }) as unknown;
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    return { ok: false, errors: [{ field: "(front matter)", message: "muss eine Zuordnung von Schlüsseln sein" }], warnings };
  for (const key of Object.keys(raw)) if (!knownKeys.has(key)) warnings.push(`unbekannter Schlüssel „${key}“ wird ignoriert`);
  const result = schema.safeParse(raw);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({ field: i.path.join(".") || "(front matter)", message: i.message === "Required" ? "fehlt" : i.message })),
      warnings,
    };
  }
  return { ok: true, data: result.data, body: parts.body, warnings };
}

export function parseArticleFile(source: string) {
  return parseContentFile(source, articleFrontmatter, KNOWN_ARTICLE_KEYS);
}
export function parseProgrammeFile(source: string) {
  return parseContentFile(source, programmeFrontmatter, KNOWN_PROGRAMME_KEYS);
}
