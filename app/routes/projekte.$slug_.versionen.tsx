import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RevisionHistory } from "~/components/RevisionHistory";
import { getProjectForEdit } from "~/models/project.server";
import { revisionHistory } from "~/models/revision.server";
import { forbidden, requireUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can, visibilityFor } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Versionen: ${data.title}` : "Versionen");

const FIELD_LABELS: Record<string, string> = {
  title: "Titel",
  summary: "Kurzbeschreibung",
  leadCityId: "Federführende Stadt (Nr.)",
  partnerCityIds: "Partnerstädte (Nr.)",
  status: "Status",
  statusDate: "Datum des Status",
  handlungsfelder: "Handlungsfelder",
  zielgruppen: "Zielgruppen",
  responsibilities: "Zuständigkeiten",
  budget: "Budget",
  startDate: "Beginn",
  endDate: "Ende",
  contactRole: "Kontakt",
  visibility: "Sichtbarkeit",
  seeksPartners: "Sucht Partnerstädte",
  overBudgetConfirmed: "Budgetüberschreitung bestätigt",
  fundingLines: "Förderlinien",
  indicators: "Indikatoren",
  articleSlugs: "Wissensartikel",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = toViewer(user);
  const db = getDb();
  const p = getProjectForEdit(db, params.slug ?? "");
  if (!p || !visibilityFor(viewer).includes(p.visibility)) throw new Response("Projekt nicht gefunden", { status: 404 });
  if (!can(viewer, "project.edit", { cityId: p.lead?.id ?? null })) forbidden("Die Versionsgeschichte sehen alle, die das Projekt bearbeiten dürfen.");
  return { slug: p.slug, title: p.title, history: revisionHistory(db, "project", p.id, new URL(request.url)) };
}

export default function ProjektVersionen() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Projekte", to: "/projekte" }, { label: d.title, to: `/projekte/${d.slug}` }, { label: "Versionen" }]} />
      <h1>Versionen: {d.title}</h1>
      <RevisionHistory history={d.history} fieldLabels={FIELD_LABELS} />
    </>
  );
}
