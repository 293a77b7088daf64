import { Form } from "@remix-run/react";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { IdempotencyField } from "~/components/ui/IdempotencyField";
import type { FieldErrors } from "~/utils/forms";
import { AGGREGATION_LABELS, HANDLUNGSFELDER } from "~/utils/taxonomy";
import { ZIEL_LABELS } from "./ziel-schema";

export function ZielForm({ values, errors, submitLabel, idempotencyKey }: { values: Record<string, string>; errors?: FieldErrors; submitLabel: string; idempotencyKey?: string }) {
  const v = (k: string) => values[k] ?? "";
  return (
    <>
      <ErrorSummary errors={errors} labels={ZIEL_LABELS} />
      <Form method="post" noValidate key={idempotencyKey}>
        {idempotencyKey ? <IdempotencyField value={idempotencyKey} /> : null}
        <TextField name="title" label={ZIEL_LABELS.title} errors={errors} defaultValue={v("title")} required maxLength={200} />
        <TextArea name="definition" label={ZIEL_LABELS.definition} errors={errors} defaultValue={v("definition")} required rows={5} maxLength={3000} hint="Was wird gezählt, in welchem Zeitraum, und wie werden die Städte zusammengefasst?" />
        <TextField name="unit" label={ZIEL_LABELS.unit} errors={errors} defaultValue={v("unit")} required maxLength={40} hint="z. B. %, Häuser, Tage" />
        <SelectField
          name="aggregation"
          label={ZIEL_LABELS.aggregation}
          errors={errors}
          defaultValue={v("aggregation") || "summe"}
          options={Object.entries(AGGREGATION_LABELS).map(([value, label]) => ({ value, label }))}
          hint="Summe für Anzahlen, Mittelwert für Anteile und Durchschnitte"
        />
        <TextField name="targetValue" inputMode="decimal" label={ZIEL_LABELS.targetValue} errors={errors} defaultValue={v("targetValue")} maxLength={20} hint="Optional, eine Zahl" />
        <TextField name="targetDate" type="date" label={ZIEL_LABELS.targetDate} errors={errors} defaultValue={v("targetDate")} hint="Optional" />
        <SelectField
          name="handlungsfeld"
          label={ZIEL_LABELS.handlungsfeld}
          errors={errors}
          defaultValue={v("handlungsfeld")}
          options={[{ value: "", label: "Bitte wählen" }, ...Object.entries(HANDLUNGSFELDER).map(([value, label]) => ({ value, label: String(label) }))]}
        />
        <button type="submit">{submitLabel}</button>
      </Form>
    </>
  );
}
