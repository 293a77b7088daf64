// Maintaining a city's key figures (issue 13): dated, sourced values per indicator; Redaktion for every city, a
// coordinator for their own city (can "city.editFigures"). Every change is recorded with who, when and why.
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  addCityFigure,
  deleteCityFigure,
  describeFigure,
  getCityBySlug,
  getFigure,
  listFigureHistory,
  updateCityFigure,
  type FigureInput,
} from "~/models/city.server";
import { requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import {
  findIdempotentResult,
  newIdempotencyKey,
  readIdempotencyKey,
  runIdempotent,
} from "~/services/idempotency.server";
import { can } from "~/services/permissions";
import {
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from "~/components/ui/form";
import {
  IdempotencyField,
  useSubmittingKey,
} from "~/components/ui/IdempotencyField";
import { failure, parseForm, type FieldErrors } from "~/utils/forms";
import {
  formatDateTime,
  formatFigure,
  formatFigureDate,
  todayIso,
} from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import {
  CITY_INDICATORS,
  FIGURE_QUALIFIERS,
  keysOf,
  type CityIndicator,
} from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  titleMeta(
    data ? `Kennzahlen pflegen: ${data.city.name}` : "Kennzahlen pflegen"
  );
const TITLE = "Kennzahlen pflegen";

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const city = getCityBySlug(getDb(), slug ?? "");
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  if (!can(toViewer(user), "city.editFigures", { cityId: city.id }))
    throw new Response(
      "Kennzahlen pflegen die Redaktion und die Koordination der eigenen Stadt.",
      { status: 403 }
    );
  return { user, city };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { city } = await load(request, params.slug);
  const url = new URL(request.url);
  const editId = Number(url.searchParams.get("bearbeiten")) || null;
  const deleteId = Number(url.searchParams.get("loeschen")) || null;
  const pick = (id: number | null) =>
    id ? city.figures.find((f) => f.id === id) ?? null : null;
  const history = listFigureHistory(getDb(), city.id).map((h) => {
    const snap = (h.after ?? h.before) as Record<string, unknown> | null;
    const ind = snap
      ? (CITY_INDICATORS as Record<string, { label: string; unit: string }>)[
          String(snap.indicator)
        ]
      : undefined;
    const text = (s: Record<string, unknown> | null) =>
      s
        ? `${formatFigure({
            value: Number(s.value),
            unit: ind?.unit ?? "",
            qualifier: String(s.qualifier),
            displayText: (s.displayText as string | null) ?? null,
          })} (${formatFigureDate(s.asOf as string | null)})`
        : null;
    return {
      id: h.id,
      at: h.createdAt.toISOString(),
      actorName: h.actorName ?? "unbekannt",
      action: h.action,
      label: snap
        ? `${ind?.label ?? String(snap.indicator)}${
            snap.district ? `: ${String(snap.district)}` : ""
          }`
        : "",
      before: text(h.before as Record<string, unknown> | null),
      after: text(h.after as Record<string, unknown> | null),
      reason: h.reason,
    };
  });
  return {
    city: { name: city.name, slug: city.slug },
    figures: city.figures.map((f) => ({
      id: f.id,
      label: f.longLabel,
      text: f.text,
      asOfText: f.asOfText,
      source: f.source,
      note: f.note,
    })),
    edit: pick(editId),
    confirmDelete: pick(deleteId),
    history,
    idempotencyKey: newIdempotencyKey(),
    today: todayIso(),
  };
}

/** German number input: "3.200", "17,4", "6173", "1.234,5". */
function parseGermanNumber(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  let s = v.trim().replace(/\s|\u00a0/g, "");
  if (s === "") return undefined;
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

const optionalText = (max: number, msg: string) =>
  z
    .string()
    .trim()
    .max(max, msg)
    .optional()
    .transform((v) => v ?? "");

const figureSchema = z
  .object({
    indicator: z.enum(
      Object.keys(CITY_INDICATORS) as [CityIndicator, ...CityIndicator[]],
      { errorMap: () => ({ message: "Bitte wählen Sie eine Kennzahl." }) }
    ),
    district: optionalText(
      80,
      "Der Stadtteil ist zu lang (höchstens 80 Zeichen)."
    ),
    value: z.preprocess(
      parseGermanNumber,
      z
        .number({
          required_error: "Bitte geben Sie einen Wert an.",
          invalid_type_error:
            "Bitte geben Sie eine Zahl an, z. B. 3.200 oder 17,4.",
        })
        .refine(
          (n) => !Number.isNaN(n),
          "Bitte geben Sie eine Zahl an, z. B. 3.200 oder 17,4."
        )
        .refine(
          (n) => n >= 0 && n < 1e10,
          "Der Wert muss zwischen 0 und 10 Milliarden liegen."
        )
    ),
    qualifier: z.enum(keysOf(FIGURE_QUALIFIERS), {
      errorMap: () => ({
        message: "Bitte wählen Sie, wie genau der Wert ist.",
      }),
    }),
    displayText: optionalText(
      120,
      "Der Wortlaut ist zu lang (höchstens 120 Zeichen)."
    ),
    asOf: z
      .string()
      .trim()
      .max(10, "Bitte ein Datum (JJJJ-MM-TT) oder ein Jahr (JJJJ) angeben.")
      .optional()
      .transform((v) => v ?? "")
      .refine(
        (v) =>
          v === "" ||
          /^\d{4}$/.test(v) ||
          (/^\d{4}-\d{2}-\d{2}$/.test(v) &&
            !Number.isNaN(new Date(`${v}T12:00:00Z`).getTime()) &&
            new Date(`${v}T12:00:00Z`).toISOString().startsWith(v)),
        {
          message:
            "Bitte geben Sie den Stichtag als JJJJ-MM-TT oder nur das Jahr (JJJJ) an – oder lassen Sie das Feld leer, wenn die Quelle keinen nennt.",
        }
      )
      .refine((v) => v === "" || (v.slice(0, 4) >= "1950" && v <= todayIso()), {
        message: "Der Stichtag muss zwischen 1950 und heute liegen.",
      }),
    source: z
      .string({ required_error: "Bitte nennen Sie die Quelle." })
      .trim()
      .min(3, "Bitte nennen Sie die Quelle.")
      .max(500, "Die Quelle ist zu lang (höchstens 500 Zeichen)."),
    note: optionalText(
      1000,
      "Die Anmerkung ist zu lang (höchstens 1.000 Zeichen)."
    ),
    reason: optionalText(
      500,
      "Der Anlass ist zu lang (höchstens 500 Zeichen)."
    ),
  })
  .superRefine((v, ctx) => {
    const ind = CITY_INDICATORS[v.indicator];
    if (ind.district && !v.district)
      ctx.addIssue({
        code: "custom",
        path: ["district"],
        message: "Bitte nennen Sie den Stadtteil.",
      });
    if (ind.unit === "%" && v.value > 100)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Ein Anteil liegt zwischen 0 und 100 %.",
      });
  });

function toInput(d: z.infer<typeof figureSchema>): FigureInput {
  return {
    indicator: d.indicator,
    district: CITY_INDICATORS[d.indicator].district ? d.district : null,
    value: d.value,
    qualifier: d.qualifier,
    displayText: d.displayText || null,
    asOf: d.asOf || null,
    source: d.source,
    note: d.note,
  };
}

type Fail = {
  ok: false;
  title: string;
  errors: FieldErrors;
  values: Record<string, string>;
  intent: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, city } = await load(request, params.slug);
  const db = getDb();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const back = `/staedte/${city.slug}/kennzahlen`;
  const fail = (errors: FieldErrors, status = 400) =>
    data({ ...failure(TITLE, errors, form), intent } as Fail, { status });
  const ownFigure = () => {
    const f = getFigure(db, Number(form.get("id")));
    if (!f || f.cityId !== city.id)
      throw new Response("Kennzahl nicht gefunden", { status: 404 });
    return f;
  };
  if (intent === "add") {
    const flash = {
      headers: { "Set-Cookie": await flashHeader("Der Wert ist gespeichert.") },
    };
    const once = {
      userId: user.id,
      route: `staedte.kennzahlen:${city.id}`,
      key: readIdempotencyKey(form),
    };
    const first = findIdempotentResult(db, once);
    if (first) return redirect(first, flash);
    const parsed = parseForm(form, figureSchema, TITLE);
    if (!parsed.ok) return data({ ...parsed, intent } as Fail, { status: 400 });
    const { result } = runIdempotent(db, once, (tx) => {
      addCityFigure(
        tx,
        user.id,
        city.id,
        toInput(parsed.data),
        parsed.data.reason
      );
      return back;
    });
    return redirect(result, flash);
  }
  if (intent === "update") {
    const f = ownFigure();
    const parsed = parseForm(form, figureSchema, TITLE);
    if (!parsed.ok) return data({ ...parsed, intent } as Fail, { status: 400 });
    updateCityFigure(
      db,
      user.id,
      f.id,
      toInput(parsed.data),
      parsed.data.reason
    );
    return redirect(back, {
      headers: {
        "Set-Cookie": await flashHeader("Die Änderung ist gespeichert."),
      },
    });
  }
  if (intent === "delete") {
    const f = ownFigure();
    const reason = String(form.get("reason") ?? "")
      .trim()
      .slice(0, 500);
    if (reason.length < 3)
      return fail({
        reason: "Bitte begründen Sie, warum der Wert entfernt wird.",
      });
    deleteCityFigure(db, user.id, f.id, reason);
    return redirect(back, {
      headers: {
        "Set-Cookie": await flashHeader(
          `Der Wert „${
            describeFigure(f).longLabel
          }“ ist entfernt; der Verlauf bleibt erhalten.`
        ),
      },
    });
  }
  return fail({ _form: "Unbekannte Aktion." });
}

const LABELS = {
  indicator: "Kennzahl",
  district: "Stadtteil",
  value: "Wert",
  qualifier: "Genauigkeit",
  displayText: "Wortlaut der Quelle",
  asOf: "Stichtag",
  source: "Quelle",
  note: "Anmerkung",
  reason: "Anlass",
};
const indicatorOptions = Object.entries(CITY_INDICATORS).map(([value, i]) => ({
  value,
  label: `${i.label} (${i.unit})`,
}));
const qualifierOptions = Object.entries(FIGURE_QUALIFIERS).map(
  ([value, label]) => ({
    value,
    label: value === "genau" ? "genau (ohne Zusatz)" : `„${label} …“`,
  })
);

type Values = Record<string, string>;

function FigureFields({
  values,
  errors,
}: {
  values: Values;
  errors: FieldErrors | null;
}) {
  return (
    <>
      <SelectField
        name="indicator"
        label="Kennzahl"
        options={indicatorOptions}
        errors={errors}
        defaultValue={values.indicator ?? "bg-ro-gemeldet"}
        required
      />
      <TextField
        name="district"
        label="Stadtteil (nur bei Anteilen im Stadtteil)"
        errors={errors}
        defaultValue={values.district ?? ""}
        maxLength={80}
      />
      <TextField
        name="value"
        label="Wert"
        hint="Zahl wie in der Quelle, z. B. 3.200 oder 17,4; bei Anteilen in Prozent."
        inputMode="decimal"
        required
        errors={errors}
        defaultValue={values.value ?? ""}
      />
      <SelectField
        name="qualifier"
        label="Genauigkeit"
        hint="So, wie die Quelle es sagt: „etwa 3.200“, „über 70 %“."
        options={qualifierOptions}
        errors={errors}
        defaultValue={values.qualifier ?? "genau"}
      />
      <TextField
        name="displayText"
        label="Wortlaut der Quelle (optional)"
        hint="Nur wenn die Quelle Worte statt einer Zahl nennt, z. B. „über die Hälfte“. Er wird statt der Zahl angezeigt."
        errors={errors}
        defaultValue={values.displayText ?? ""}
        maxLength={120}
      />
      <TextField
        name="asOf"
        label="Stichtag (optional)"
        hint="JJJJ-MM-TT oder nur das Jahr; leer lassen, wenn die Quelle keinen Stichtag nennt."
        errors={errors}
        defaultValue={values.asOf ?? ""}
      />
      <TextField
        name="source"
        label="Quelle"
        hint="Wer hat die Zahl veröffentlicht, mit Titel und Datum."
        required
        errors={errors}
        defaultValue={values.source ?? ""}
        maxLength={500}
      />
      <TextArea
        name="note"
        label="Anmerkung (optional)"
        rows={2}
        errors={errors}
        defaultValue={values.note ?? ""}
      />
      <TextField
        name="reason"
        label="Anlass der Änderung (optional)"
        hint="Erscheint im Verlauf, z. B. „Melderegister 2025 veröffentlicht“."
        errors={errors}
        defaultValue={values.reason ?? ""}
        maxLength={500}
      />
    </>
  );
}

export default function KennzahlenPflegen() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors = a && !a.ok ? a.errors : null;
  const errFor = (intent: string) =>
    a && !a.ok && a.intent === intent ? a.errors : null;
  const valuesFor = (intent: string) =>
    a && !a.ok && a.intent === intent ? a.values : null;
  const busy = useSubmittingKey(d.idempotencyKey);
  const editValues: Values | null = d.edit
    ? valuesFor("update") ?? {
        indicator: d.edit.indicator,
        district: d.edit.district ?? "",
        value: String(d.edit.value).replace(".", ","),
        qualifier: d.edit.qualifier,
        displayText: d.edit.displayText ?? "",
        asOf: d.edit.asOf ?? "",
        source: d.edit.source,
        note: d.edit.note,
      }
    : null;
  return (
    <>
      <Breadcrumbs items={[{ label: "Städte", to: "/staedte" }, { label: d.city.name, to: `/staedte/${d.city.slug}` }, { label: "Kennzahlen pflegen" }]} />
      <h1>Kennzahlen von {d.city.name} pflegen</h1>
      <p>
        Jeder Wert braucht eine Quelle. Neue Zahlen werden als weiterer Wert der
        Reihe erfasst, nicht über alte geschrieben: So zeigt die Stadtseite den
        Verlauf. Jede Änderung steht mit Person, Zeitpunkt und Anlass im Verlauf
        unten.
      </p>
      <ErrorSummary errors={errors} labels={a && !a.ok && a.intent === "delete" ? { reason: "Begründung" } : LABELS} />

      {d.confirmDelete ? (
        <section aria-labelledby="entfernen-titel" className="card">
          <h2 id="entfernen-titel">Wert entfernen?</h2>
          <p>
            {d.confirmDelete.longLabel}: <strong>{d.confirmDelete.text}</strong>{" "}
            ({d.confirmDelete.asOfText}, Quelle: {d.confirmDelete.source})
          </p>
          <p>
            Der Wert verschwindet von der Stadtseite; im Verlauf bleibt er mit
            Ihrer Begründung erhalten.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={d.confirmDelete.id} />
            <TextField
              name="reason"
              label="Begründung"
              required
              errors={errFor("delete")}
            />
            <button type="submit" className="danger">
              Wert entfernen
            </button>{" "}
            <Link
              to={`/staedte/${d.city.slug}/kennzahlen`}
              className="button secondary"
            >
              Abbrechen
            </Link>
          </Form>
        </section>
      ) : null}

      {d.edit && editValues ? (
        <section aria-labelledby="bearbeiten-titel" className="card">
          <h2 id="bearbeiten-titel">Wert bearbeiten: {d.edit.longLabel}</h2>
          <p>
            Korrigieren Sie hier Erfassungsfehler. Eine neue Zahl für einen
            anderen Stichtag erfassen Sie bitte als neuen Wert.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={d.edit.id} />
            <FigureFields values={editValues} errors={errFor("update")} />
            <button type="submit">Änderung speichern</button>{" "}
            <Link
              to={`/staedte/${d.city.slug}/kennzahlen`}
              className="button secondary"
            >
              Abbrechen
            </Link>
          </Form>
        </section>
      ) : null}

      <h2>Erfasste Werte</h2>
      {d.figures.length === 0 ? (
        <p>Noch keine Werte erfasst.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-cards">
            <caption className="visually-hidden">
              Erfasste Werte von {d.city.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kennzahl</th>
                <th scope="col" className="num">
                  Wert
                </th>
                <th scope="col">Stichtag</th>
                <th scope="col">Quelle</th>
                <th scope="col">Aktionen</th>
              </tr>
            </thead>
            <tbody>
              {d.figures.map((f) => (
                <tr key={f.id}>
                  <th scope="row">{f.label}</th>
                  <td className="num" data-label="Wert">
                    {f.text}
                  </td>
                  <td data-label="Stichtag">{f.asOfText}</td>
                  <td data-label="Quelle">
                    {f.source}
                    {f.note ? <span className="muted"> ({f.note})</span> : null}
                  </td>
                  <td>
                    <Link to={`?bearbeiten=${f.id}#bearbeiten-titel`}>
                      Bearbeiten
                      <span className="visually-hidden">
                        : {f.label}, {f.asOfText}
                      </span>
                    </Link>{" "}
                    ·{" "}
                    <Link to={`?loeschen=${f.id}#entfernen-titel`}>
                      Entfernen
                      <span className="visually-hidden">
                        : {f.label}, {f.asOfText}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {/* one form with field ids at a time: the new-value form steps aside while a value is edited or removed */}
      {d.edit || d.confirmDelete ? null : (
        <section aria-labelledby="neu-titel">
          <h2 id="neu-titel">Neuen Wert erfassen</h2>
          <Form method="post" noValidate key={d.idempotencyKey}>
            <input type="hidden" name="intent" value="add" />
            <IdempotencyField value={d.idempotencyKey} />
            <FigureFields
              values={valuesFor("add") ?? {}}
              errors={errFor("add")}
            />
            <button type="submit" disabled={busy}>
              Wert speichern
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="verlauf-titel">
        <h2 id="verlauf-titel">Verlauf der Änderungen</h2>
        {d.history.length === 0 ? (
          <p>
            Noch keine Änderungen im Portal (die Werte aus dem Handlungsrahmen
            wurden beim Einrichten übernommen).
          </p>
        ) : (
          <ul>
            {d.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at)}, {h.actorName}:{" "}
                {h.action === "create"
                  ? "erfasst"
                  : h.action === "update"
                  ? "geändert"
                  : "entfernt"}{" "}
                – {h.label}
                {h.before && h.action !== "create" ? (
                  <> · vorher {h.before}</>
                ) : null}
                {h.after ? (
                  <>
                    {" "}
                    · {h.action === "update" ? "nachher " : ""}
                    {h.after}
                  </>
                ) : null}
                {h.reason ? <> · Anlass: „{h.reason}“</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
