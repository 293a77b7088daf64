// "Meine Prüfungen": what the signed-in Redaktion user has to review (as owner, deputy or with the team),
// by due date, overdue first. "geprüft, unverändert" is a plain POST form (works without JavaScript and is
// idempotent: a double submit records one revision); "geprüft, aktualisiert" opens the editor in review mode.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { listMyReviews, markReviewedUnchanged, ReviewError } from "~/models/review.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { ReviewStateText } from "~/components/ReviewState";
import { slugSchema } from "~/services/content/frontmatter";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { REMINDER_LEAD_DAYS } from "~/utils/review";

export const meta: MetaFunction = () => titleMeta("Meine Prüfungen");

const ROLE_LABEL = { verantwortlich: "verantwortlich", vertretung: "Vertretung", team: "Redaktion (Team)" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "content.review");
  const today = todayIso();
  const all = new URL(request.url).searchParams.get("alle") === "1";
  const items = listMyReviews(getDb(), user.id, today);
  const due = items.filter((i) => i.state !== "ok");
  const later = items.filter((i) => i.state === "ok");
  const shape = (i: (typeof items)[number]) => ({
    key: `${i.entityType}-${i.id}`,
    entityType: i.entityType,
    slug: i.slug,
    title: i.title,
    kindLabel: i.kindLabel,
    role: ROLE_LABEL[i.role ?? "team"],
    ownerName: i.ownerName,
    deputyName: i.deputyName,
    stand: i.stand,
    pruefenBis: i.pruefenBis,
    state: i.state,
    url: i.url,
    editUrl: i.editUrl,
  });
  return { today, due: due.map(shape), later: all ? later.map(shape) : [], laterCount: later.length, showAll: all };
}

const schema = z.object({
  intent: z.literal("unveraendert"),
  entityType: z.enum(["article", "programme"]),
  slug: slugSchema,
  seen: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  note: z.string().trim().max(300, "Höchstens 300 Zeichen.").optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.review");
  const form = await request.formData();
  const noteKey = `note-${String(form.get("entityType"))}-${String(form.get("slug"))}`.slice(0, 120);
  const raw = new FormData();
  for (const k of ["intent", "entityType", "slug", "seen"]) raw.set(k, String(form.get(k) ?? ""));
  raw.set("note", String(form.get(noteKey) ?? ""));
  const parsed = schema.safeParse(Object.fromEntries(raw));
  if (!parsed.success) {
    const noteErr = parsed.error.issues.find((i) => i.path[0] === "note");
    if (noteErr) return data({ title: "Meine Prüfungen", errors: { [noteKey]: noteErr.message } }, { status: 400 });
    throw new Response("Ungültige Anfrage", { status: 400 });
  }
  const d = parsed.data;
  try {
    const r = markReviewedUnchanged(getDb(), {
      entityType: d.entityType,
      slug: d.slug,
      actor: { id: user.id },
      reason: d.note || "Angaben geprüft, keine Änderung nötig.",
      seenPruefenBis: d.seen || null,
    });
    const msg = r.already
      ? `„${r.title}“ war bereits geprüft; nächste Prüfung bis ${formatDate(r.pruefenBis)}.`
      : `„${r.title}“ als geprüft vermerkt; nächste Prüfung bis ${formatDate(r.pruefenBis)}.`;
    return redirect("/verwaltung/meine-pruefungen", { headers: { "Set-Cookie": await flashHeader(msg) } });
  } catch (e) {
    if (e instanceof ReviewError) throw new Response(e.message, { status: 404 });
    throw e;
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["due"][number];

function ReviewCard({ r, errors }: { r: Row; errors?: Record<string, string> }) {
  const noteName = `note-${r.entityType}-${r.slug}`;
  return (
    <li className="card review-card">
      <h3>
        <Link to={r.url}>{r.title}</Link>
      </h3>
      <p className="badges">
        <span className="badge">{r.kindLabel}</span>
        <ReviewStateText state={r.state} pruefenBis={r.pruefenBis} />
      </p>
      <dl className="facts">
        <dt>Stand</dt>
        <dd>{formatDate(r.stand)}</dd>
        <dt>Zuständig</dt>
        <dd>
          {r.ownerName}
          {r.deputyName ? ` (Vertretung: ${r.deputyName})` : ""} – Sie: {r.role}
        </dd>
      </dl>
      <Form method="post" className="review-form">
        <input type="hidden" name="intent" value="unveraendert" />
        <input type="hidden" name="entityType" value={r.entityType} />
        <input type="hidden" name="slug" value={r.slug} />
        <input type="hidden" name="seen" value={r.pruefenBis ?? ""} />
        <TextField
          name={noteName}
          label={
            <>
              Anmerkung zur Prüfung (optional)<span className="visually-hidden">: {r.title}</span>
            </>
          }
          maxLength={300}
          errors={errors}
        />
        <div className="actions">
          <button type="submit">
            Geprüft, unverändert<span className="visually-hidden">: {r.title}</span>
          </button>
          <Link to={r.editUrl}>
            Geprüft, aktualisiert – bearbeiten<span className="visually-hidden">: {r.title}</span>
          </Link>
        </div>
      </Form>
    </li>
  );
}

export default function MeinePruefungen() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = a && "errors" in a ? (a.errors as Record<string, string>) : undefined;
  return (
    <>
      <h1>Meine Prüfungen</h1>
      <p>
        Einträge, für die Sie verantwortlich sind, die Sie vertreten oder die der Redaktion gemeinsam gehören – überfällige zuerst. Sie werden{" "}
        {REMINDER_LEAD_DAYS} Tage vor dem Prüfdatum und bei Überfälligkeit erinnert.
      </p>
      <ErrorSummary errors={errors} />
      <section aria-labelledby="faellig">
        <h2 id="faellig">Jetzt fällig ({d.due.length})</h2>
        {d.due.length === 0 ? (
          <p>Nichts zu prüfen: kein Eintrag ist überfällig oder in den nächsten {REMINDER_LEAD_DAYS} Tagen fällig.</p>
        ) : (
          <ul className="cards review-list">
            {d.due.map((r) => (
              <ReviewCard key={r.key} r={r} errors={errors} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="spaeter">
        <h2 id="spaeter">Später fällig ({d.laterCount})</h2>
        {d.showAll ? (
          d.later.length ? (
            <ul className="cards review-list">
              {d.later.map((r) => (
                <ReviewCard key={r.key} r={r} errors={errors} />
              ))}
            </ul>
          ) : (
            <p>Keine weiteren Einträge.</p>
          )
        ) : d.laterCount > 0 && params.get("alle") !== "1" ? (
          <p>
            <Link to="?alle=1">Alle {d.laterCount} später fälligen Einträge zeigen</Link>
          </p>
        ) : (
          <p>Keine weiteren Einträge.</p>
        )}
      </section>
      <p>
        <Link to="/verwaltung/pruefung">Alle Einträge mit Prüfdatum und Zuständigkeit (Redaktion)</Link>
      </p>
    </>
  );
}
