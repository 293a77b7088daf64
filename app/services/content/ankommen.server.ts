// The Ankommen content collection: content/ankommen/<station>.<lang>.md → guides (format: content/README.md).
// The file name carries station and language; the front matter must agree with it.
import { z } from "zod";
import type { Collection } from "./collections.server";
import { isoDate, parseContentFile, type ParsedFile } from "./frontmatter";
import { ANKOMMEN_SPRACHEN, ANKOMMEN_STATIONEN, UEBERSETZUNG_STATUS, keysOf } from "~/utils/taxonomy";
import { guideConsistency, importGuide } from "~/models/ankommen.server";

const stationKeys = keysOf(ANKOMMEN_STATIONEN);
const langKeys = keysOf(ANKOMMEN_SPRACHEN);
const text = z.string({ required_error: "fehlt", invalid_type_error: "muss Text sein" }).trim().min(1, "darf nicht leer sein").max(2000, "höchstens 2000 Zeichen");

export const guideFrontmatter = z
  .object({
    title: text.pipe(z.string().max(200, "höchstens 200 Zeichen")),
    station: z.enum(stationKeys, { errorMap: (_i, ctx) => ({ message: ctx.data === undefined ? "fehlt" : `unbekannte Station; erlaubt: ${stationKeys.join(", ")}` }) }),
    lang: z.enum(langKeys, { errorMap: (_i, ctx) => ({ message: ctx.data === undefined ? "fehlt" : `unbekannte Sprache; erlaubt: ${langKeys.join(", ")}` }) }),
    summary: text.pipe(z.string().max(600, "höchstens 600 Zeichen")),
    quelle_stand: isoDate,
    stand: isoDate.optional(),
    pruefen_bis: isoDate.optional(),
    status: z.enum(keysOf(UEBERSETZUNG_STATUS), { errorMap: () => ({ message: "unbekannter Status; erlaubt: entwurf, uebersetzt, geprueft" }) }),
    geprueft_von: z.string().trim().max(200).optional(),
    geprueft_am: isoDate.optional(),
    verantwortlich: z.string().trim().max(200).optional(),
    checkliste: z.string().max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "muss der Slug einer Checkliste in wissen/ sein").optional(),
  })
  .superRefine((d, ctx) => {
    if (d.status === "geprueft" && (!d.geprueft_von || !d.geprueft_am))
      ctx.addIssue({ code: "custom", path: [d.geprueft_von ? "geprueft_am" : "geprueft_von"], message: "fehlt: eine geprüfte Übersetzung nennt Prüferin/Prüfer und Datum" });
    if (d.stand && d.pruefen_bis && d.stand > d.pruefen_bis)
      ctx.addIssue({ code: "custom", path: ["stand"], message: `liegt nach pruefen_bis (${d.pruefen_bis})` });
    if (d.lang === "de" && d.stand && d.stand !== d.quelle_stand)
      ctx.addIssue({ code: "custom", path: ["quelle_stand"], message: "muss bei der deutschen Fassung gleich stand sein" });
  });
export type GuideFrontmatter = z.infer<typeof guideFrontmatter>;
const KNOWN_KEYS = new Set(Object.keys(guideFrontmatter._def.schema.shape));

/** `krankenversicherung.bg`: the station and language the file name promises. */
export const guideSlug = z
  .string()
  .max(120, "Dateiname zu lang")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]{2}(?:-x-ls)?$/, "Dateiname: <station>.<sprache>.md, z. B. krankenversicherung.bg.md");

export function parseGuideFile(source: string, slug?: string): ParsedFile<GuideFrontmatter> {
  const parsed = parseContentFile(source, guideFrontmatter, KNOWN_KEYS);
  if (!parsed.ok || !slug) return parsed;
  const dot = slug.indexOf(".");
  const [station, lang] = [slug.slice(0, dot), slug.slice(dot + 1)];
  const errors = [];
  if (parsed.data.station !== station) errors.push({ field: "station", message: `„${parsed.data.station}“ passt nicht zum Dateinamen (${station})` });
  if (parsed.data.lang !== lang) errors.push({ field: "lang", message: `„${parsed.data.lang}“ passt nicht zum Dateinamen (${lang})` });
  if (!/^\s*1\.\s/m.test(parsed.body)) errors.push({ field: "(Inhalt)", message: "braucht die Schritte als nummerierte Liste (1. …)" });
  return errors.length ? { ok: false, errors, warnings: parsed.warnings } : parsed;
}

export const guideCollection: Collection<GuideFrontmatter> = {
  folder: "ankommen",
  label: "Ankommen-Wegweiser",
  slugSchema: guideSlug,
  parse: parseGuideFile,
  upsert: (tx, { data, body, sourceHash }) => importGuide(tx, data, body, sourceHash),
  finish: (tx) => ({ warnings: guideConsistency(tx) }),
};
