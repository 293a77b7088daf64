// The target form (isomorphic): Redaktion defines a shared target indicator (issue 19).
import { z } from "zod";
import { body, line } from "~/utils/forms";
import { HANDLUNGSFELDER, keysOf } from "~/utils/taxonomy";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const ZIEL_LABELS: Record<string, string> = {
  title: "Titel",
  definition: "Definition",
  unit: "Einheit",
  aggregation: "Zusammenfassung über die Städte",
  targetValue: "Zielwert",
  targetDate: "Zieldatum",
  handlungsfeld: "Handlungsfeld",
};

export const zielSchema = z.object({
  title: line(200, { min: 5, minMessage: "Bitte einen Titel angeben (mindestens 5 Zeichen)." }),
  definition: body(3000, { min: 20, minMessage: "Bitte das Ziel definieren (mindestens 20 Zeichen): was wird gezählt, wie werden die Städte zusammengefasst?" }),
  unit: line(40, { min: 1, minMessage: "Bitte eine Einheit angeben, z. B. % oder Häuser." }),
  aggregation: z.enum(["summe", "mittelwert"], { errorMap: () => ({ message: "Bitte Summe oder Mittelwert wählen." }) }),
  targetValue: z.preprocess(
    (v) => {
      const s = emptyToUndefined(v);
      return typeof s === "string" ? Number(s.replace(",", ".")) : s;
    },
    z.number({ invalid_type_error: "Bitte eine Zahl angeben, z. B. 80 oder 12,5." }).finite("Bitte eine Zahl angeben.").min(-1e12).max(1e12).optional(),
  ),
  targetDate: z.preprocess(emptyToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.").optional()),
  handlungsfeld: z.enum(keysOf(HANDLUNGSFELDER), { errorMap: () => ({ message: "Bitte ein Handlungsfeld wählen." }) }),
});
