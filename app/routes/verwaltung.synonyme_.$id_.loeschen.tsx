// Confirmation page for deleting a synonym group (issue 17).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmDelete } from "~/components/ui/ConfirmDelete";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { pushSearchSettings } from "~/services/search/index.server";
import { deleteSynonym, requireSynonym } from "~/services/search/synonyms.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Synonymgruppe „${data.group.terms[0]}“ löschen?` : "Synonymgruppe löschen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "search.synonyms");
  return { group: requireSynonym(getDb(), params.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "search.synonyms");
  const g = requireSynonym(getDb(), params.id);
  const form = await request.formData();
  if (form.get("intent") !== "confirm") throw new Response("Ungültige Aktion", { status: 400 });
  getDb().transaction((tx) => deleteSynonym(tx, user.id, g.id));
  pushSearchSettings();
  return redirect("/verwaltung/synonyme", { headers: { "Set-Cookie": await flashHeader(`Synonymgruppe „${g.terms[0]}“ ist gelöscht.`) } });
}

export default function SynonymLoeschen() {
  const { group } = useLoaderData<typeof loader>();
  return (
    <ConfirmDelete
      title={`Synonymgruppe „${group.terms[0]}“ löschen?`}
      dependencies={[]}
      cancelTo="/verwaltung/synonyme"
      confirmLabel={`Synonymgruppe „${group.terms[0]}“ endgültig löschen`}
      consequence={
        <p>
          Die Begriffe {group.terms.map((t) => `„${t}“`).join(", ")} finden sich ab der nächsten Suche nicht mehr gegenseitig. Die Suche nach jedem einzelnen
          Begriff bleibt möglich.
        </p>
      }
    />
  );
}
