// The status-change form of a demand (isomorphic: the action validates, tests reuse it).
import { z } from "zod";
import { FORDERUNG_STATUS } from "./labels";
import { keysOf } from "~/utils/taxonomy";

const optional = (max: number, what: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), z.string().max(max, `${what}: höchstens ${max} Zeichen`).optional());

export const proposalSchema = z.object({
  status: z.enum(keysOf(FORDERUNG_STATUS), { errorMap: () => ({ message: "Bitte einen Status wählen." }) }),
  datum: z
    .string({ required_error: "Bitte das Datum des Nachweises angeben." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.")
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Dieses Datum gibt es nicht.")
    .refine((s) => s >= "2013-01-01", "Das Datum liegt vor dem Handlungsrahmen (2013).")
    .refine((s) => s <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "Das Datum liegt in der Zukunft."),
  nachweis: z
    .string({ required_error: "Bitte den Nachweis beschreiben." })
    .trim()
    .min(10, "Bitte den Nachweis beschreiben (mindestens 10 Zeichen): was ist geschehen, wo steht es?")
    .max(2000, "Nachweis: höchstens 2000 Zeichen"),
  nachweis_url: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(500, "Link: höchstens 500 Zeichen").regex(/^https?:\/\/[^\s<>"]+$/i, "Bitte einen Link beginnend mit https:// angeben.").optional(),
  ),
  begruendung: optional(2000, "Anmerkung"),
});
export type ProposalForm = z.infer<typeof proposalSchema>;

export const PROPOSAL_LABELS = { status: "Neuer Status", datum: "Datum des Nachweises", nachweis: "Nachweis", nachweis_url: "Link zum Nachweis", begruendung: "Anmerkung" };
