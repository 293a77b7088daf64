// The "forderungen" content collection (content/forderungen/*.md → forderungen + their imported status history).
// One file per Lösungsszenario; the format is documented in content/README.md ("Forderungen").
import { z } from "zod";
import { importForderungFile } from "~/models/forderung.server";
import { FORDERUNG_EBENE_KEYS, FORDERUNG_STATUS_KEYS } from "../../../db/schema/steuerung";
import { HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";
import type { Collection } from "./collections.server";
import { isoDate, parseContentFile, slugSchema } from "./frontmatter";

const text = (max: number) => z.string({ required_error: "fehlt", invalid_type_error: "muss Text sein" }).trim().min(1, "darf nicht leer sein").max(max, `höchstens ${max} Zeichen`);
const link = z
  .string({ invalid_type_error: "muss Text sein" })
  .trim()
  .max(500, "höchstens 500 Zeichen")
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) || /^\/[a-z0-9\-/]*$/i.test(s), "muss ein http(s)-Link oder ein Pfad dieser Website (/wissen/…) sein");

const verlaufEintrag = z.object({
  status: z.enum(FORDERUNG_STATUS_KEYS, { errorMap: () => ({ message: `unbekannter Status; erlaubt: ${FORDERUNG_STATUS_KEYS.join(", ")}` }) }),
  datum: isoDate,
  nachweis: text(2000),
  url: link.optional(),
});

export const forderungFrontmatter = z
  .object({
    loesungsszenario: z.number({ required_error: "fehlt", invalid_type_error: "muss eine Zahl 1–6 sein" }).int().min(1, "muss 1–6 sein").max(6, "muss 1–6 sein"),
    artikel: slugSchema,
    quelle: text(500),
    forderungen: z
      .array(
        z.object({
          slug: slugSchema,
          ebene: z.enum(FORDERUNG_EBENE_KEYS, { errorMap: () => ({ message: `unbekannte Ebene; erlaubt: ${FORDERUNG_EBENE_KEYS.join(", ")}` }) }),
          stelle: text(300),
          titel: text(300),
          text: text(3000),
          handlungsfelder: z.array(z.enum(keysOf(HANDLUNGSFELDER), { errorMap: () => ({ message: "unbekanntes Handlungsfeld" }) })).default([]),
          quelle: text(500).optional(),
          verlauf: z.array(verlaufEintrag).max(50, "höchstens 50 Einträge").default([]),
        }),
        { required_error: "fehlt", invalid_type_error: "muss eine Liste sein" },
      )
      .min(1, "braucht mindestens eine Forderung")
      .max(200, "höchstens 200 Forderungen je Datei"),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.forderungen.forEach((f, i) => {
      if (seen.has(f.slug)) ctx.addIssue({ code: "custom", path: ["forderungen", i, "slug"], message: `doppelt: ${f.slug}` });
      seen.add(f.slug);
    });
  });
export type ForderungFrontmatter = z.infer<typeof forderungFrontmatter>;

const KNOWN_KEYS = new Set(["loesungsszenario", "artikel", "quelle", "forderungen"]);

export function parseForderungFile(source: string) {
  return parseContentFile(source, forderungFrontmatter, KNOWN_KEYS);
}

export const forderungCollection: Collection<ForderungFrontmatter> = {
  folder: "forderungen",
  label: "Forderungen",
  parse: parseForderungFile,
  upsert: (tx, input) => importForderungFile(tx, input),
};
