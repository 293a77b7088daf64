// Synonym and abbreviation groups of the search (issue 17): the Redaktion lists, adds, edits and deletes groups
// of equivalent terms ("KV" ↔ "Krankenversicherung"). FTS5 reads them on the next search, Meilisearch gets them
// pushed as its synonyms setting. Deleting asks for confirmation on its own page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextArea, TextField } from "~/components/ui/form";
import { IdempotencyField } from "~/components/ui/IdempotencyField";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { pushSearchSettings } from "~/services/search/index.server";
import { SYNONYM_LIMITS, splitSynonymTerms, synonymTermsProblem } from "~/services/search/synonyms";
import { createSynonym, listSynonyms } from "~/services/search/synonyms.server";
import { body, failure, line, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";

const TITLE = "Such-Synonyme";
export const meta: MetaFunction = () => titleMeta(TITLE);

export const synonymSchema = z.object({
  begriffe: body(SYNONYM_LIMITS.field, { min: 1, minMessage: "Bitte geben Sie mindestens zwei Begriffe ein, je einen pro Zeile." }),
  notiz: line(SYNONYM_LIMITS.note).default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "search.synonyms");
  return { groups: listSynonyms(getDb()), key: newIdempotencyKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "search.synonyms");
  const db = getDb();
  const form = await request.formData();
  const once = { userId: user.id, route: "verwaltung.synonyme.create", key: readIdempotencyKey(form) };
  const first = findIdempotentResult(db, once);
  if (first) return redirect(first);
  const parsed = parseForm(form, synonymSchema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const terms = splitSynonymTerms(parsed.data.begriffe);
  const problem = synonymTermsProblem(terms);
  if (problem) return data(failure(TITLE, { begriffe: problem }, form), { status: 400 });
  const { result } = runIdempotent(db, once, (tx) => {
    const id = createSynonym(tx, user.id, { terms, note: parsed.data.notiz });
    return `/verwaltung/synonyme#gruppe-${id}`;
  });
  pushSearchSettings();
  return redirect(result, { headers: { "Set-Cookie": await flashHeader("Synonymgruppe angelegt. Sie gilt ab der nächsten Suche.") } });
}

export default function Synonyme() {
  const { groups, key } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <>
      <h1>{TITLE}</h1>
      <p>
        Begriffe einer Gruppe finden sich in der Suche gegenseitig: Wer „KV“ sucht, findet auch „Krankenversicherung“ und umgekehrt. Änderungen gelten ab der
        nächsten Suche.
      </p>
      <h2 id="gruppen-titel">Gruppen ({groups.length})</h2>
      {groups.length === 0 ? (
        <p>Noch keine Gruppen angelegt.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="gruppen-titel" tabIndex={0}>
          <table className="stack-cards">
            <thead>
              <tr>
                <th scope="col">Begriffe</th>
                <th scope="col">Notiz</th>
                <th scope="col">Aktionen</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id} id={`gruppe-${g.id}`}>
                  <th scope="row" data-label="Begriffe">
                    {g.terms.join(" · ")}
                  </th>
                  <td data-label="Notiz">{g.note || "–"}</td>
                  <td data-label="Aktionen">
                    <Link to={`/verwaltung/synonyme/${g.id}`}>
                      Bearbeiten<span className="visually-hidden"> ({g.terms[0]})</span>
                    </Link>{" "}
                    ·{" "}
                    <Link to={`/verwaltung/synonyme/${g.id}/loeschen`}>
                      Löschen …<span className="visually-hidden"> ({g.terms[0]})</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Neue Gruppe</h2>
      <Form method="post" key={key} noValidate>
        <ErrorSummary errors={errors} labels={{ begriffe: "Begriffe", notiz: "Notiz" }} />
        <IdempotencyField value={key} />
        <TextArea
          name="begriffe"
          label="Begriffe"
          hint="Ein Begriff pro Zeile, z. B. „BuT“ und „Bildung und Teilhabe“. Mindestens zwei, höchstens 20."
          rows={4}
          required
          maxLength={SYNONYM_LIMITS.field}
          errors={errors}
          defaultValue={values?.begriffe ?? ""}
        />
        <TextField name="notiz" label="Notiz (optional)" hint="z. B. Quelle oder Anlass" maxLength={SYNONYM_LIMITS.note} errors={errors} defaultValue={values?.notiz ?? ""} />
        <button type="submit">Gruppe anlegen</button>
      </Form>
    </>
  );
}
