import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmDelete } from "~/components/ui/ConfirmDelete";
import { cityDependencies, getCityById, removeCity, type CityDependencies } from "~/models/city.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `${data.city.name} löschen?` : "Stadt löschen");

function loadCity(params: { id?: string }) {
  const id = Number(params.id);
  const city = Number.isInteger(id) && id > 0 ? getCityById(getDb(), id) : null;
  if (!city) throw new Response("Stadt nicht gefunden", { status: 404 });
  return city;
}

function dependencyList(d: CityDependencies) {
  return [
    { label: "Projekte, die die Stadt federführend leitet", count: d.projectsLead },
    { label: "Projekte mit der Stadt als Partnerstadt", count: d.projectsPartner },
    { label: "Kennzahlen (Werte)", count: d.figures },
    { label: "Einträge im Verlauf der Kennzahlen", count: d.figureHistory },
    { label: "Benutzerkonten der Stadt", count: d.users },
    { label: "Forum-Themen aus der Stadt", count: d.topics },
    { label: "„Betrifft uns auch“-Markierungen", count: d.concerns },
    { label: "offene Einladungen", count: d.openInvitations },
  ];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.cities");
  const city = loadCity(params);
  const deps = cityDependencies(getDb(), city.id);
  return { city: { id: city.id, name: city.name, archived: !!city.archivedAt }, dependencies: dependencyList(deps), archiveInstead: deps.any };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.cities");
  const city = loadCity(params);
  const form = await request.formData();
  if (form.get("intent") !== "confirm") throw new Response("Ungültige Aktion", { status: 400 });
  const outcome = removeCity(getDb(), admin.id, city.id);
  const message =
    outcome === "archived"
      ? `${city.name} ist archiviert: Projekte, Kennzahlen und Konten bleiben erhalten. Sie können die Stadt wiederherstellen.`
      : `${city.name} ist gelöscht.`;
  return redirect("/verwaltung/staedte", { headers: { "Set-Cookie": await flashHeader(message) } });
}

export default function StadtLoeschen() {
  const { city, dependencies, archiveInstead } = useLoaderData<typeof loader>();
  return (
    <ConfirmDelete
      title={`${city.name} löschen?`}
      dependencies={dependencies}
      cancelTo="/verwaltung/staedte"
      refused={archiveInstead && city.archived ? <p>{city.name} ist bereits archiviert. Solange noch Einträge daran hängen, kann die Stadt nicht gelöscht werden.</p> : undefined}
      confirmLabel={archiveInstead ? `${city.name} archivieren` : `${city.name} endgültig löschen`}
      consequence={
        archiveInstead ? (
          <p>
            Weil noch Einträge an {city.name} hängen, wird die Stadt <strong>archiviert statt gelöscht</strong>: Sie verschwindet aus Listen, Auswahlfeldern
            und der Suche; ihre Seite zeigt „archiviert“. Nichts geht verloren, und Sie können die Stadt jederzeit wiederherstellen.
          </p>
        ) : (
          <p>{city.name} wird endgültig gelöscht. Das kann nicht rückgängig gemacht werden.</p>
        )
      }
    />
  );
}
