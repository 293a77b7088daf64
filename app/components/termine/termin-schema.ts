// The event form (isomorphic). Times are Berlin wall time; the action converts them to instants.
import { z } from "zod";
import { HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";
import { fromBerlinLocal } from "./berlin-time";
import { TERMIN_ZIELGRUPPEN } from "./labels";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : trimmed(v));
const asList = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v : [v]);

export const terminSchema = z
  .object({
    titel: z.preprocess(trimmed, z.string({ required_error: "Bitte einen Titel angeben." }).min(3, "Bitte einen Titel angeben (mindestens 3 Zeichen).").max(200, "Titel: höchstens 200 Zeichen")),
    beginn_datum: z.preprocess(trimmed, z.string({ required_error: "Bitte das Datum angeben." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.")),
    beginn_zeit: z.preprocess(trimmed, z.string({ required_error: "Bitte die Uhrzeit angeben." }).regex(/^\d{2}:\d{2}$/, "Bitte eine Uhrzeit im Format HH:MM angeben.")),
    ende_zeit: z.preprocess(emptyToUndefined, z.string().regex(/^\d{2}:\d{2}$/, "Bitte eine Uhrzeit im Format HH:MM angeben.").optional()),
    ende_datum: z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.").optional()),
    ort: z.preprocess(emptyToUndefined, z.string().max(300, "Ort: höchstens 300 Zeichen").optional()),
    online: z.preprocess((v) => v === "ja" || v === "on", z.boolean()),
    zielgruppen: z.preprocess(asList, z.array(z.enum(keysOf(TERMIN_ZIELGRUPPEN), { errorMap: () => ({ message: "Unbekannte Zielgruppe." }) })).max(20)),
    handlungsfelder: z.preprocess(asList, z.array(z.enum(keysOf(HANDLUNGSFELDER), { errorMap: () => ({ message: "Unbekanntes Handlungsfeld." }) })).max(10)),
    anmeldung_url: z.preprocess(emptyToUndefined, z.string().max(500, "Link: höchstens 500 Zeichen").regex(/^https?:\/\/[^\s<>"]+$/i, "Bitte einen Link beginnend mit https:// angeben.").optional()),
    beschreibung: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : ""), z.string().max(5000, "Beschreibung: höchstens 5000 Zeichen")),
    stadt: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  })
  .superRefine((d, ctx) => {
    const beginn = fromBerlinLocal(d.beginn_datum, d.beginn_zeit);
    if (!beginn) {
      ctx.addIssue({ code: "custom", path: ["beginn_zeit"], message: "Diesen Zeitpunkt gibt es in Berlin nicht (Datum ungültig oder Zeitumstellung). Bitte prüfen." });
      return;
    }
    if (d.ende_zeit || d.ende_datum) {
      const ende = fromBerlinLocal(d.ende_datum ?? d.beginn_datum, d.ende_zeit ?? "23:59");
      if (!ende) ctx.addIssue({ code: "custom", path: [d.ende_zeit ? "ende_zeit" : "ende_datum"], message: "Dieses Ende gibt es in Berlin nicht. Bitte prüfen." });
      else if (ende.getTime() <= beginn.getTime()) ctx.addIssue({ code: "custom", path: [d.ende_zeit ? "ende_zeit" : "ende_datum"], message: "Das Ende muss nach dem Beginn liegen." });
      else if (ende.getTime() - beginn.getTime() > 31 * 86_400_000) ctx.addIssue({ code: "custom", path: ["ende_datum"], message: "Ein Termin dauert höchstens 31 Tage." });
    }
    if (!d.online && !d.ort) ctx.addIssue({ code: "custom", path: ["ort"], message: "Bitte einen Ort angeben oder „online“ ankreuzen." });
  });
export type TerminForm = z.infer<typeof terminSchema>;

export const TERMIN_LABELS = {
  titel: "Titel",
  beginn_datum: "Datum",
  beginn_zeit: "Beginn (Uhrzeit, Berlin)",
  ende_datum: "Ende: Datum (falls mehrtägig)",
  ende_zeit: "Ende (Uhrzeit)",
  ort: "Ort",
  online: "Online",
  zielgruppen: "Zielgruppen",
  handlungsfelder: "Handlungsfelder",
  anmeldung_url: "Link zur Anmeldung",
  beschreibung: "Beschreibung",
  stadt: "Veranstaltende Stadt",
};
