import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { decideSuggestion, listOpenSuggestions } from "~/models/article.server";
import { diffRevisions } from "~/models/revision.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { kickMailDelivery } from "~/services/mail.server";
import { RevisionDiff } from "~/components/RevisionDiff";
import { TextField } from "~/components/ui/form";
import { LIMITS, parseForm, tooLong } from "~/utils/forms";
import { cleanText } from "~/utils/text-hygiene";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Änderungsvorschläge");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content.edit");
  return {
    suggestions: listOpenSuggestions(getDb()).map((s) => {
      const nl = (b: string) => (b.endsWith("\n") ? b : `${b}\n`);
      const d = diffRevisions({ body: nl(s.currentBody), meta: { summary: s.currentSummary } }, { body: nl(s.body), meta: { summary: s.summary } });
      return {
        id: s.id,
        slug: s.slug,
        title: s.title,
        author: s.authorName ?? "gelöschtes Konto",
        comment: s.comment,
        at: s.createdAt.toISOString(),
        outdated: s.baseVersion !== s.currentVersion,
        baseVersion: s.baseVersion,
        diff: { body: d.body, fields: d.fields },
      };
    }),
  };
}

const schema = z.object({
  id: z.coerce.number().int().positive(),
  intent: z.enum(["annehmen", "ablehnen"]),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.edit");
  const form = await request.formData();
  const parsed = parseForm(form, schema, "Änderungsvorschläge");
  if (!parsed.ok) throw new Response("Ungültige Anfrage", { status: 400 });
  const { id, intent } = parsed.data;
  const note = cleanText(String(form.get(`note-${id}`) ?? "")).trim();
  if (note.length > LIMITS.text) return data({ ok: false as const, id, title: "Änderungsvorschläge", errors: { [`note-${id}`]: tooLong(LIMITS.text) } }, { status: 400 });
  if (intent === "ablehnen" && note.length < 3)
    return data({ ok: false as const, id, title: "Änderungsvorschläge", errors: { [`note-${id}`]: "Bitte begründen Sie die Ablehnung für die Autorin oder den Autor." } }, { status: 400 });
  const db = getDb();
  const r = decideSuggestion(db, id, { id: user.id, name: user.name }, { accept: intent === "annehmen", note });
  kickMailDelivery(db);
  return redirect("/verwaltung/vorschlaege", {
    headers: {
      "Set-Cookie": await flashHeader(
        intent === "annehmen" ? `Vorschlag zu „${r.title}“ übernommen; die Autorin/der Autor wurde benachrichtigt.` : `Vorschlag zu „${r.title}“ abgelehnt; die Autorin/der Autor wurde benachrichtigt.`,
      ),
    },
  });
}

export default function Vorschlaege() {
  const { suggestions } = useLoaderData<typeof loader>();
  const ad = useActionData<typeof action>();
  return (
    <>
      <h1>Änderungsvorschläge</h1>
      <p>Vorschläge von Mitgliedern zu Wissensbeiträgen. Übernehmen legt eine neue Version an; bei Ablehnung bitte begründen. Die Person wird per E-Mail informiert.</p>
      {suggestions.length === 0 ? <p>Keine offenen Vorschläge.</p> : null}
      {suggestions.map((s) => {
        const noteName = `note-${s.id}`;
        const errors = ad && !ad.ok && ad.id === s.id ? ad.errors : null;
        return (
          <section key={s.id} className="card suggestion" aria-labelledby={`vorschlag-${s.id}`}>
            <h2 id={`vorschlag-${s.id}`}>
              <Link to={`/wissen/${s.slug}`}>{s.title}</Link>
            </h2>
            <p>
              Von {s.author}, {formatDateTime(s.at)}. Begründung: „{s.comment}“
            </p>
            {s.outdated ? <p className="notice">Der Beitrag wurde seit dem Vorschlag geändert (Vorschlag bezieht sich auf Version {s.baseVersion}).</p> : null}
            <RevisionDiff body={s.diff.body} fields={s.diff.fields} fieldLabels={{ summary: "Zusammenfassung" }} />
            <Form method="post" noValidate>
              <input type="hidden" name="id" value={s.id} />
              <TextField name={noteName} label="Anmerkung an die Person (bei Ablehnung nötig)" errors={errors} />
              <div className="actions">
                <button type="submit" name="intent" value="annehmen">
                  Übernehmen<span className="visually-hidden">: Vorschlag zu {s.title}</span>
                </button>
                <button type="submit" name="intent" value="ablehnen" className="secondary">
                  Ablehnen<span className="visually-hidden">: Vorschlag zu {s.title}</span>
                </button>
              </div>
            </Form>
          </section>
        );
      })}
    </>
  );
}
