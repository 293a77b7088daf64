import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { createSuggestion, getArticleBySlug, listSuggestionsByAuthor } from "~/models/article.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { findIdempotentResult, newIdempotencyKey, readIdempotencyKey, runIdempotent } from "~/services/idempotency.server";
import { IdempotencyField, useSubmittingKey } from "~/components/ui/IdempotencyField";
import { ErrorSummary, TextArea } from "~/components/ui/form";
import { body, LIMITS, line, parseForm } from "~/utils/forms";
import { formatDate } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Änderung vorschlagen: ${data.title}` : "Änderung vorschlagen");

function loadArticle(slug: string | undefined) {
  const a = getArticleBySlug(getDb(), slug ?? "");
  if (!a || a.status !== "veroeffentlicht") throw new Response("Beitrag nicht gefunden", { status: 404 });
  return a;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "content.suggest");
  const a = loadArticle(params.slug);
  const STATUS: Record<string, string> = { offen: "wartet auf die Redaktion", angenommen: "übernommen", abgelehnt: "nicht übernommen" };
  return {
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body,
    idempotencyKey: newIdempotencyKey(),
    mine: listSuggestionsByAuthor(getDb(), user.id, a.id).map((s) => ({
      id: s.id,
      status: STATUS[s.status],
      decided: s.status !== "offen",
      comment: s.comment,
      note: s.decisionNote,
      at: s.createdAt.toISOString(),
    })),
  };
}

const schema = z.object({
  summary: line(1000, { min: 1, minMessage: "Bitte geben Sie eine Zusammenfassung an." }),
  body: body(LIMITS.article, { min: 1, minMessage: "Bitte geben Sie den Text an.", message: "Der Text ist zu lang (höchstens 200.000 Zeichen)." }),
  comment: body(LIMITS.text, { min: 3, minMessage: "Bitte begründen Sie Ihren Vorschlag." }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.suggest");
  const a = loadArticle(params.slug);
  const form = await request.formData();
  const flash = { headers: { "Set-Cookie": await flashHeader("Danke! Ihr Vorschlag wurde an die Redaktion übermittelt.") } };
  // one submit, one suggestion: a repeated POST of the same form gets the first redirect
  const once = { userId: user.id, route: `wissen.vorschlagen:${a.id}`, key: readIdempotencyKey(form) };
  const first = findIdempotentResult(getDb(), once);
  if (first) return redirect(first, flash);
  const parsed = parseForm(form, schema, "Änderung vorschlagen");
  if (!parsed.ok) return data(parsed, { status: 400 });
  if (parsed.data.body === a.body.trim() && parsed.data.summary === a.summary.trim())
    return data({ ok: false as const, title: "Änderung vorschlagen", errors: { body: "Der Vorschlag ändert nichts am Beitrag." }, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) }, { status: 400 });
  const { result } = runIdempotent(getDb(), once, (tx) => {
    createSuggestion(tx, a.id, { id: user.id }, { summary: parsed.data.summary, body: parsed.data.body.replace(/\r\n?/g, "\n"), comment: parsed.data.comment });
    return `/wissen/${a.slug}/vorschlagen`;
  });
  return redirect(result, flash);
}

export default function Vorschlagen() {
  const d = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  const errors = ad && !ad.ok ? ad.errors : null;
  const values = ad && !ad.ok ? ad.values : null;
  const busy = useSubmittingKey(d.idempotencyKey);
  return (
    <>
      <Breadcrumbs items={[{ label: "Wissen", to: "/wissen" }, { label: d.title, to: `/wissen/${d.slug}` }, { label: "Änderung vorschlagen" }]} />
      <h1>Änderung vorschlagen: {d.title}</h1>
      <p>
        Ändern Sie den Text so, wie er Ihrer Meinung nach lauten sollte, und begründen Sie den Vorschlag (zum Beispiel mit einer Quelle). Die
        Redaktion prüft ihn und übernimmt ihn oder antwortet Ihnen; Sie erhalten eine E-Mail.
      </p>
      {d.mine.length ? (
        <section aria-labelledby="meine-vorschlaege">
          <h2 id="meine-vorschlaege">Ihre bisherigen Vorschläge</h2>
          <ul>
            {d.mine.map((s) => (
              <li key={s.id}>
                {formatDate(s.at)}: „{s.comment}“ – <strong>{s.status}</strong>
                {s.note ? <> – Anmerkung der Redaktion: {s.note}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorSummary errors={errors} labels={{ summary: "Zusammenfassung", body: "Text", comment: "Begründung" }} />
      <Form method="post" noValidate key={d.idempotencyKey}>
        <IdempotencyField value={d.idempotencyKey} />
        <TextArea name="summary" label="Zusammenfassung" rows={3} errors={errors} defaultValue={values?.summary ?? d.summary} />
        <TextArea name="body" label="Text (Markdown)" rows={20} errors={errors} defaultValue={values?.body ?? d.body} className="editor-body" />
        <TextArea name="comment" label="Begründung" hint="Was ist falsch oder fehlt? Mit Quelle, wenn möglich." rows={3} errors={errors} defaultValue={values?.comment ?? ""} />
        <button type="submit" disabled={busy}>
          Vorschlag senden
        </button>
      </Form>
    </>
  );
}
