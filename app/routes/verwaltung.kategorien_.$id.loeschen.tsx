import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmDelete } from "~/components/ui/ConfirmDelete";
import { categoryDependencies, deleteCategory, listAllCategories } from "~/models/forum.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Kategorie „${data.category.name}“ löschen?` : "Kategorie löschen");

function loadCategory(params: { id?: string }) {
  const id = Number(params.id);
  const c = listAllCategories(getDb()).find((x) => x.id === id);
  if (!c) throw new Response("Kategorie nicht gefunden", { status: 404 });
  return c;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.categories");
  const c = loadCategory(params);
  const deps = categoryDependencies(getDb(), c.id);
  return { category: { id: c.id, name: c.name }, deps };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.categories");
  const c = loadCategory(params);
  const form = await request.formData();
  if (form.get("intent") !== "confirm") throw new Response("Ungültige Aktion", { status: 400 });
  const outcome = deleteCategory(getDb(), user.id, c.id);
  if (outcome === "refused") {
    const deps = categoryDependencies(getDb(), c.id);
    return data({ refused: `Die Kategorie enthält noch ${deps.topics} Themen und wurde nicht gelöscht.` }, { status: 409 });
  }
  return redirect("/verwaltung/kategorien", { headers: { "Set-Cookie": await flashHeader(`Kategorie „${c.name}“ ist gelöscht.`) } });
}

export default function KategorieLoeschen() {
  const { category, deps } = useLoaderData<typeof loader>();
  return (
    <ConfirmDelete
      title={`Kategorie „${category.name}“ löschen?`}
      dependencies={[
        { label: deps.topics === 1 ? "Thema in dieser Kategorie" : "Themen in dieser Kategorie", count: deps.topics },
        { label: "Abonnements der Kategorie", count: deps.subscriptions },
      ]}
      cancelTo="/verwaltung/kategorien"
      refused={
        deps.topics > 0 ? (
          <p>
            Eine Kategorie mit Themen kann nicht gelöscht werden. Verschieben Sie die {deps.topics} Themen zuerst in eine andere Kategorie (Moderation:
            „Thema verschieben“ auf der Themenseite).
          </p>
        ) : undefined
      }
      confirmLabel={`Kategorie „${category.name}“ endgültig löschen`}
      consequence={
        <p>
          Die Kategorie wird endgültig gelöscht{deps.subscriptions > 0 ? `; ${deps.subscriptions} Abonnements der Kategorie enden` : ""}. Standard-Kategorien
          lassen sich später mit „Fehlende Standard-Kategorien anlegen“ neu anlegen.
        </p>
      }
    />
  );
}
