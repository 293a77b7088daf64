import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { InterestBlock } from "~/components/projekte/ProjectExchange";
import { getProjectBySlug, partnerSuggestions } from "~/models/project.server";
import { listInterest } from "~/models/project-exchange.server";
import { getUser, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { handleExchangeIntent, isExchangeIntent } from "~/services/project-exchange-action.server";
import { passRetryAfter } from "~/services/rate-limit.server";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER, label } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

/** An ITI (integrierte territoriale Investition) needs at least this many cities. */
const ITI_MIN_CITIES = 3;

export const headers = passRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Passende Städte für ${data.project.title}` : "Passende Städte");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectBySlug(db, params.slug ?? "", viewer);
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  const resource = { cityId: p.lead?.id ?? null, partnerCityIds: p.partners.map((c) => c.id) };
  const canEdit = can(viewer, "project.edit", resource);
  // editors see the suggestions before they switch the partner search on, so the page is never a dead end
  const suggestions = p.seeksPartners || canEdit ? partnerSuggestions(db, p, viewer) : [];
  const interest = listInterest(db, p.id);
  const participating = (p.lead ? 1 : 0) + p.partners.length;
  return {
    project: {
      slug: p.slug,
      title: p.title,
      seeksPartners: p.seeksPartners,
      lead: p.lead?.name ?? null,
      partners: p.partners.map((c) => c.name),
      handlungsfelder: p.handlungsfelder.map((f) => label(HANDLUNGSFELDER, f)),
    },
    canEdit,
    missingForIti: Math.max(0, ITI_MIN_CITIES - participating),
    itiMin: ITI_MIN_CITIES,
    suggestions: suggestions.map((s) => ({ slug: s.slug, name: s.name, score: s.score, reasons: s.reasons })),
    interest: interest.map((i) => ({ slug: i.slug, name: i.name, createdAt: i.createdAt })),
    canInterest: user?.cityId != null && can(viewer, "project.interest", resource),
    ownInterest: user?.cityId != null && user.role === "koordination" && interest.some((i) => i.cityId === user.cityId),
    ownCityName: user?.cityName ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const p = getProjectBySlug(db, params.slug ?? "", toViewer(user));
  if (!p) throw new Response("Projekt nicht gefunden", { status: 404 });
  const intent = (await request.formData()).get("intent");
  if (!isExchangeIntent(intent) || intent === "diskussion") throw new Response("Unbekannte Aktion", { status: 400 });
  return handleExchangeIntent(db, user, p, intent, `/projekte/${p.slug}/passende-staedte`);
}

export default function PassendeStaedte() {
  const { project, canEdit, missingForIti, itiMin, suggestions, ...interest } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Projekte", to: "/projekte" }, { label: project.title, to: `/projekte/${project.slug}` }, { label: "Passende Städte" }]} />
      <h1>Passende Städte</h1>
      <p>
        Vorschläge für Partnerstädte des Projekts „{project.title}“ (Federführung {project.lead ?? "offen"}
        {project.partners.length ? `, bereits dabei: ${project.partners.join(", ")}` : ""}). Grundlage sind gemeinsame Handlungsfelder (
        {project.handlungsfelder.join(", ") || "keine"}) in den Projekten und Forumsthemen der anderen Städte und ähnliche Kennzahlen, soweit erfasst – auch
        Städte ohne eigene Projekte.
      </p>
      <p className="iti-status">
        {missingForIti > 0
          ? `Noch ${missingForIti} ${missingForIti === 1 ? "Stadt" : "Städte"} bis zur ITI-Mindestgröße (${itiMin}).`
          : `Die ITI-Mindestgröße (${itiMin} Städte) ist erreicht.`}
      </p>
      {!project.seeksPartners ? (
        canEdit ? (
          <Form method="post" className="notice">
            <input type="hidden" name="intent" value="partnersuche" />
            <p>Dieses Projekt sucht derzeit keine Partnerstädte. Aktivieren Sie die Partnersuche, damit andere Städte es in der Projektliste finden.</p>
            <button type="submit">Partnersuche aktivieren</button>
          </Form>
        ) : (
          <p className="notice">Dieses Projekt sucht derzeit keine Partnerstädte.</p>
        )
      ) : null}
      {project.seeksPartners || canEdit ? (
        suggestions.length === 0 ? (
          <p>Noch keine passenden Städte gefunden. Sobald andere Städte Kennzahlen, Projekte oder Forumsthemen in diesen Handlungsfeldern haben, erscheinen sie hier.</p>
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
        )
      ) : null}
      <InterestBlock {...interest} />
    </>
  );
}
