import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { audit } from "~/services/audit.server";
import { ensureCategories, listAllCategories, setCategoryVisibility } from "~/models/forum.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Forum-Kategorien");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.categories");
  return { categories: listAllCategories(getDb()).map((c) => ({ id: c.id, name: c.name, slug: c.slug, visibility: c.visibility, isClearing: c.isClearing })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "admin.categories");
  const db = getDb();
  const form = await request.formData();
  if (form.get("intent") === "defaults") {
    const n = db.transaction((tx) => {
      const created = ensureCategories(tx);
      audit(tx, { actorId: user.id, action: "forum.category.defaults", entityType: "forum_category", entityId: 0, detail: { created } });
      return created;
    });
    return redirect("/verwaltung/kategorien", { headers: { "Set-Cookie": await flashHeader(`${n} fehlende Kategorien angelegt.`) } });
  }
  const id = Number(form.get("categoryId"));
  const visibility = form.get("visibility");
  if (!id || (visibility !== "public" && visibility !== "members")) throw new Response("Ungültige Angaben", { status: 400 });
  setCategoryVisibility(db, user.id, id, visibility);
  return redirect("/verwaltung/kategorien", { headers: { "Set-Cookie": await flashHeader("Sichtbarkeit gespeichert.") } });
}

export default function Kategorien() {
  const { categories } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Forum-Kategorien</h1>
      <p>Öffentliche Kategorien sieht jede Person; Kategorien „nur für Mitglieder“ sind für Gäste unsichtbar (Liste, Themen, Suche).</p>
      <div className="table-wrap">
        <table className="stack-cards">
          <thead>
            <tr>
              <th scope="col">Kategorie</th>
              <th scope="col">Sichtbarkeit</th>
              <th scope="col">Löschen</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.name}
                  {c.isClearing ? " (Clearingstelle)" : ""}
                </th>
                <td data-label="Sichtbarkeit">
                  <Form method="post" className="inline-controls">
                    <input type="hidden" name="categoryId" value={c.id} />
                    <label htmlFor={`sicht-${c.id}`} className="visually-hidden">
                      Sichtbarkeit von {c.name}
                    </label>
                    <select id={`sicht-${c.id}`} name="visibility" defaultValue={c.visibility}>
                      <option value="public">öffentlich</option>
                      <option value="members">nur für Mitglieder</option>
                    </select>{" "}
                    <button type="submit" className="secondary">
                      Speichern<span className="visually-hidden"> ({c.name})</span>
                    </button>
                  </Form>
                </td>
                <td>
                  <Link to={`/verwaltung/kategorien/${c.id}/loeschen`}>
                    Löschen …<span className="visually-hidden"> ({c.name})</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="defaults" />
        <button type="submit" className="secondary">
          Fehlende Standard-Kategorien anlegen
        </button>
      </Form>
    </>
  );
}
