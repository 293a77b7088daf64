// Programme experience: the lead city's coordinators rate each programme a finished project used.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form";
import { PROJECT_STATUS } from "~/components/projekte/labels";
import { getProjectBySlug } from "~/models/project.server";
import { getRating, isEnded, listProjectRatings, projectProgrammes, saveRating } from "~/models/rating.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { can } from "~/services/permissions";
import { body, line, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { EFFORT_LABELS } from "~/utils/rating";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Förderprogramm bewerten – ${data.project.title}` : "Förderprogramm bewerten");

async function load(request: Request, slug: string) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectBySlug(db, slug, viewer);
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  if (!can(viewer, "programme.rate", { cityId: p.lead?.id ?? null }))
    forbidden("Förderprogramme bewerten die Koordinierenden der federführenden Stadt.");
  return { user, db, p, programmes: projectProgrammes(db, p.id) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, p, programmes } = await load(request, params.slug ?? "");
  const url = new URL(request.url);
  const rated = new Set(listProjectRatings(db, p.id).map((r) => r.programmeSlug));
  const wanted = url.searchParams.get("programm");
  const current = programmes.find((g) => g.slug === wanted) ?? programmes.find((g) => !rated.has(g.slug)) ?? programmes[0] ?? null;
  const existing = current ? getRating(db, p.id, current.slug) : undefined;
  return {
    project: { slug: p.slug, title: p.title, status: p.status, statusLabel: PROJECT_STATUS[p.status], ended: isEnded(p.status) },
    programmes: programmes.map((g) => ({ ...g, rated: rated.has(g.slug) })),
    current,
    existing: existing
      ? {
          effortApplication: existing.effortApplication,
          effortProof: existing.effortProof,
          decisionMonths: existing.decisionMonths,
          wouldUseAgain: existing.wouldUseAgain,
          text: existing.text,
        }
      : null,
  };
}

const effort = z.coerce
  .number({ message: "Bitte wählen Sie eine Stufe von 1 bis 5." })
  .int("Bitte wählen Sie eine Stufe von 1 bis 5.")
  .min(1, "Bitte wählen Sie eine Stufe von 1 bis 5.")
  .max(5, "Bitte wählen Sie eine Stufe von 1 bis 5.");

const schema = z.object({
  programm: line(120, { min: 1, minMessage: "Bitte wählen Sie ein Förderprogramm." }),
  aufwandAntrag: effort,
  aufwandNachweis: effort,
  monate: z
    .string({ message: "Bitte geben Sie die Monate als ganze Zahl an (0 bis 60)." })
    .max(10, "Bitte geben Sie die Monate als ganze Zahl an (0 bis 60).")
    .regex(/^\d{1,3}$/, "Bitte geben Sie die Monate als ganze Zahl an (0 bis 60).")
    .transform(Number)
    .pipe(z.number().max(60, "Bitte geben Sie höchstens 60 Monate an.")),
  wieder: z.enum(["ja", "nein"], { message: "Bitte wählen Sie „ja“ oder „nein“." }),
  text: body(1000, { message: "Der Text ist zu lang (höchstens 1.000 Zeichen)." }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, p, programmes } = await load(request, params.slug ?? "");
  if (!isEnded(p.status)) forbidden("Förderprogramme werden bewertet, wenn das Projekt abgeschlossen oder abgebrochen ist.");
  const form = await request.formData();
  const parsed = parseForm(form, schema, "Bewertung");
  if (!parsed.ok) return data(parsed, { status: 400 });
  const d = parsed.data;
  if (!programmes.some((g) => g.slug === d.programm))
    return data({ ok: false as const, title: "Bewertung", errors: { programm: "Dieses Förderprogramm ist im Projekt nicht eingetragen." }, values: {} }, { status: 400 });
  saveRating(db, { id: user.id, cityId: p.lead?.id ?? user.cityId }, p.id, d.programm, {
    effortApplication: d.aufwandAntrag,
    effortProof: d.aufwandNachweis,
    decisionMonths: d.monate,
    wouldUseAgain: d.wieder === "ja",
    text: d.text,
  });
  return redirect(`/projekte/${p.slug}#bewertungen`, { headers: { "Set-Cookie": await flashHeader("Bewertung gespeichert. Danke!") } });
}

const effortOptions = [{ value: "", label: "Bitte wählen" }, ...Object.entries(EFFORT_LABELS).map(([value, label]) => ({ value, label: `${value} – ${label}` }))];

export default function Bewerten() {
  const { project, programmes, current, existing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  const v = (actionData && !actionData.ok ? actionData.values : {}) as Record<string, string>;
  return (
    <>
      <Breadcrumbs items={[{ label: "Projekte", to: "/projekte" }, { label: project.title, to: `/projekte/${project.slug}` }, { label: "Förderprogramm bewerten" }]} />
      <h1>Förderprogramm bewerten</h1>
      <p>
        Ihre Erfahrung hilft anderen Städten bei der Wahl eines Programms. Die Programmseite zeigt Bewertungen erst, wenn mindestens drei Projekte aus drei
        Städten bewertet haben – dann nur als Durchschnitt, Texte mit Stadt und Jahr, ohne Namen.
      </p>
      {!project.ended ? (
        <p className="notice">
          Das Projekt hat den Status „{project.statusLabel}“. Bewerten können Sie, sobald es abgeschlossen oder abgebrochen ist.
        </p>
      ) : !current ? (
        <p className="notice">In diesem Projekt ist kein Programm aus dem Förderwegweiser eingetragen.</p>
      ) : (
        <>
          {programmes.length > 1 ? (
            <nav aria-label="Programme dieses Projekts">
              <ul>
                {programmes.map((g) => (
                  <li key={g.slug}>
                    {g.slug === current.slug ? (
                      <strong aria-current="page">{g.name}</strong>
                    ) : (
                      <Link to={`?programm=${encodeURIComponent(g.slug)}`}>{g.name}</Link>
                    )}{" "}
                    ({g.rated ? "bewertet" : "noch nicht bewertet"})
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <h2>{current.name}</h2>
          {existing ? <p>Sie haben dieses Programm schon bewertet. Speichern ändert die Bewertung.</p> : null}
          <ErrorSummary
            errors={errors}
            labels={{ aufwandAntrag: "Aufwand für den Antrag", aufwandNachweis: "Aufwand für den Verwendungsnachweis", monate: "Zeit bis zur Entscheidung", wieder: "Wieder nutzen", text: "Erfahrung", programm: "Programm" }}
          />
          <Form method="post" noValidate key={current.slug}>
            <input type="hidden" name="programm" value={current.slug} />
            <SelectField
              name="aufwandAntrag"
              label="Aufwand für den Antrag"
              options={effortOptions}
              errors={errors}
              defaultValue={v.aufwandAntrag ?? (existing ? String(existing.effortApplication) : "")}
            />
            <SelectField
              name="aufwandNachweis"
              label="Aufwand für den Verwendungsnachweis"
              options={effortOptions}
              errors={errors}
              defaultValue={v.aufwandNachweis ?? (existing ? String(existing.effortProof) : "")}
            />
            <TextField
              name="monate"
              label="Zeit vom Antrag bis zur Entscheidung (Monate)"
              inputMode="numeric"
              errors={errors}
              defaultValue={v.monate ?? (existing ? String(existing.decisionMonths) : "")}
            />
            <SelectField
              name="wieder"
              label="Würden Sie das Programm wieder nutzen?"
              options={[
                { value: "", label: "Bitte wählen" },
                { value: "ja", label: "ja" },
                { value: "nein", label: "nein" },
              ]}
              errors={errors}
              defaultValue={v.wieder ?? (existing ? (existing.wouldUseAgain ? "ja" : "nein") : "")}
            />
            <TextArea
              name="text"
              label="Ihre Erfahrung in wenigen Sätzen (optional)"
              hint="Höchstens 1.000 Zeichen. Erscheint mit Stadt und Jahr. Keine personenbezogenen Daten."
              rows={4}
              errors={errors}
              defaultValue={v.text ?? existing?.text ?? ""}
            />
            <button type="submit">Bewertung speichern</button>
          </Form>
        </>
      )}
    </>
  );
}
