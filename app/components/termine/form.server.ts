// Shared by the create and edit actions: form → TerminInput (Berlin wall time → instants).
import { eq } from "drizzle-orm";
import { cities } from "../../../db/schema/index";
import type { Executor } from "~/services/db.server";
import type { Viewer } from "~/services/permissions";
import type { TerminInput } from "~/models/termin.server";
import { failure, parseForm, type FormFailure } from "~/utils/forms";
import { fromBerlinLocal, toBerlinLocal } from "./berlin-time";
import { terminSchema } from "./termin-schema";

export function terminFromForm(db: Executor, viewer: NonNullable<Viewer>, form: FormData, title: string): { ok: true; input: TerminInput } | FormFailure {
  const parsed = parseForm(form, terminSchema, title);
  if (!parsed.ok) return parsed;
  const d = parsed.data;
  let cityId: number | null = viewer.role === "koordination" ? viewer.cityId : null;
  if (viewer.role !== "koordination" && d.stadt) {
    const c = db.select({ id: cities.id }).from(cities).where(eq(cities.slug, d.stadt)).get();
    if (!c) return failure(title, { stadt: "Diese Stadt gibt es nicht." }, form);
    cityId = c.id;
  }
  const beginn = fromBerlinLocal(d.beginn_datum, d.beginn_zeit)!;
  const ende = d.ende_zeit || d.ende_datum ? fromBerlinLocal(d.ende_datum ?? d.beginn_datum, d.ende_zeit ?? "23:59") : null;
  return {
    ok: true,
    input: {
      titel: d.titel,
      beginn,
      ende,
      ort: d.ort ?? null,
      online: d.online,
      zielgruppen: d.zielgruppen,
      handlungsfelder: d.handlungsfelder,
      anmeldungUrl: d.anmeldung_url ?? null,
      beschreibung: d.beschreibung,
      cityId,
    },
  };
}

/** Form values of a stored event (for the edit form). */
export function formValuesOf(t: { titel: string; beginn: Date; ende: Date | null; ort: string | null; online: boolean; zielgruppen: string[]; handlungsfelder: string[]; anmeldungUrl: string | null; beschreibung: string; citySlug: string | null }) {
  const b = toBerlinLocal(t.beginn);
  const e = t.ende ? toBerlinLocal(t.ende) : null;
  return {
    titel: t.titel,
    beginn_datum: b.slice(0, 10),
    beginn_zeit: b.slice(11),
    ende_zeit: e ? e.slice(11) : "",
    ende_datum: e && e.slice(0, 10) !== b.slice(0, 10) ? e.slice(0, 10) : "",
    ort: t.ort ?? "",
    online: t.online ? "ja" : "",
    zielgruppen: t.zielgruppen,
    handlungsfelder: t.handlungsfelder,
    anmeldung_url: t.anmeldungUrl ?? "",
    beschreibung: t.beschreibung,
    stadt: t.citySlug ?? "",
  };
}
