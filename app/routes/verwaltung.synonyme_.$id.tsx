// Editing one synonym group (issue 17); the list and the create form are /verwaltung/synonyme.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorSummary, TextArea, TextField } from "~/components/ui/form";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { pushSearchSettings } from "~/services/search/index.server";
import { SYNONYM_LIMITS, splitSynonymTerms, synonymTermsProblem } from "~/services/search/synonyms";
import { requireSynonym, updateSynonym } from "~/services/search/synonyms.server";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { synonymSchema } from "./verwaltung.synonyme";

const TITLE = "Synonymgruppe bearbeiten";
export const meta: MetaFunction = () => titleMeta(TITLE);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "search.synonyms");
  return { group: requireSynonym(getDb(), params.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "search.synonyms");
  const g = requireSynonym(getDb(), params.id);
  const form = await request.formData();
  const parsed = parseForm(form, synonymSchema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const terms = splitSynonymTerms(parsed.data.begriffe);
  const problem = synonymTermsProblem(terms);
  if (problem) return data(failure(TITLE, { begriffe: problem }, form), { status: 400 });
  getDb().transaction((tx) => updateSynonym(tx, user.id, g.id, { terms, note: parsed.data.notiz }));
  pushSearchSettings();
  return redirect(`/verwaltung/synonyme#gruppe-${g.id}`, { headers: { "Set-Cookie": await flashHeader("Synonymgruppe gespeichert. Sie gilt ab der nächsten Suche.") } });
}

export default function SynonymBearbeiten() {
  const { group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <>
      <Breadcrumbs items={[{ label: "Verwaltung", to: "/verwaltung" }, { label: "Such-Synonyme", to: "/verwaltung/synonyme" }, { label: group.terms[0] ?? TITLE }]} />
      <h1>{TITLE}</h1>
      <Form method="post" noValidate>
        <ErrorSummary errors={errors} labels={{ begriffe: "Begriffe", notiz: "Notiz" }} />
        <TextArea
          name="begriffe"
          label="Begriffe"
          hint="Ein Begriff pro Zeile. Mindestens zwei, höchstens 20."
          rows={Math.max(4, group.terms.length + 1)}
          required
          maxLength={SYNONYM_LIMITS.field}
          errors={errors}
          defaultValue={values?.begriffe ?? group.terms.join("\n")}
        />
        <TextField name="notiz" label="Notiz (optional)" maxLength={SYNONYM_LIMITS.note} errors={errors} defaultValue={values?.notiz ?? group.note} />
        <button type="submit">Speichern</button> <Link to="/verwaltung/synonyme">Abbrechen</Link>
      </Form>
    </>
  );
}
