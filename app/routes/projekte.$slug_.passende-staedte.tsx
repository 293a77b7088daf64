import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getProjectBySlug, partnerSuggestions } from "~/models/project.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER, label } from "~/utils/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Passende Städte für ${data.project.title}` : "Passende Städte");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const db = getDb();
  const p = getProjectBySlug(db, params.slug ?? "", viewer);
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  const suggestions = p.seeksPartners ? partnerSuggestions(db, p, viewer) : [];
  return {
    project: {
      slug: p.slug,
      title: p.title,
      seeksPartners: p.seeksPartners,
      lead: p.lead?.name ?? null,
      partners: p.partners.map((c) => c.name),
      handlungsfelder: p.handlungsfelder.map((f) => label(HANDLUNGSFELDER, f)),
    },
    suggestions: suggestions.map((s) => ({ slug: s.slug, name: s.name, score: s.score, reasons: s.reasons })),
  };
}

export default function PassendeStaedte() {
  const { project, suggestions } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/projekte/${project.slug}`}>Zurück zum Projekt „{project.title}“</Link>
      </p>
      <h1>Passende Städte</h1>
      <p>
        Vorschläge für Partnerstädte des Projekts „{project.title}“ (Federführung {project.lead ?? "offen"}
        {project.partners.length ? `, bereits dabei: ${project.partners.join(", ")}` : ""}). Grundlage sind gemeinsame Handlungsfelder (
        {project.handlungsfelder.join(", ") || "keine"}) in den Projekten der anderen Städte und ähnliche Kennzahlen, soweit erfasst. Eine ITI braucht drei
        bis fünf Städte.
      </p>
      {!project.seeksPartners ? (
        <p className="notice">Dieses Projekt sucht derzeit keine Partnerstädte.</p>
      ) : suggestions.length === 0 ? (
        <p>Noch keine passenden Städte gefunden. Sobald andere Städte Projekte in diesen Handlungsfeldern erfassen, erscheinen sie hier.</p>
      ) : (
        <ol className="projekt-suggestions">
          {suggestions.map((s) => (
            <li key={s.slug} className="card">
              <h2>
                <Link to={`/staedte/${s.slug}`}>{s.name}</Link>
              </h2>
              <p className="muted">Passung: {s.score.toLocaleString("de-DE")} Punkte</p>
              <p>Warum diese Stadt?</p>
              <ul>
                {s.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
