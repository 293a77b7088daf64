import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmDelete } from "~/components/ui/ConfirmDelete";
import { deleteAccount } from "~/models/dsgvo.server";
import { getUserForAdmin, userDependencies } from "~/models/user.server";
import { audit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { titleMeta } from "~/utils/meta";
import { ROLES } from "~/utils/taxonomy";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? `Konto von ${data.user.name} löschen?` : "Konto löschen");

function loadUser(params: { id?: string }) {
  const u = getUserForAdmin(getDb(), params.id ?? "");
  if (!u || u.deletedAt) throw new Response("Konto nicht gefunden", { status: 404 });
  return u;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "admin.users");
  const u = loadUser(params);
  return {
    user: { id: u.id, name: u.name, role: ROLES[u.role], cityName: u.cityName, disabled: !!u.disabledAt },
    self: u.id === admin.id,
    deps: userDependencies(getDb(), u.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.users");
  const u = loadUser(params);
  const form = await request.formData();
  if (form.get("intent") !== "confirm") throw new Response("Ungültige Aktion", { status: 400 });
  if (u.id === admin.id) throw new Response("Ihr eigenes Konto löschen Sie unter „Mein Konto“.", { status: 400 });
  const db = getDb();
  // The DSGVO erasure path (app/models/dsgvo.server.ts); the admin's part is the confirmation and the audit entry.
  deleteAccount(db, u.id);
  audit(db, { actorId: admin.id, action: "user.delete.admin", entityType: "user", entityId: u.id });
  return redirect("/verwaltung/benutzer", { headers: { "Set-Cookie": await flashHeader("Das Konto ist gelöscht; die personenbezogenen Daten sind entfernt.") } });
}

export default function KontoLoeschen() {
  const { user, self, deps } = useLoaderData<typeof loader>();
  return (
    <ConfirmDelete
      title={`Konto von ${user.name} löschen?`}
      dependencies={[
        { label: "Forumsbeiträge", count: deps.posts },
        { label: "begonnene Forum-Themen", count: deps.topics },
        { label: "angelegte Projekte", count: deps.projects },
        { label: "offene Einladungen, die das Konto verschickt hat", count: deps.openInvitations },
      ]}
      cancelTo="/verwaltung/benutzer"
      refused={self ? <p>Ihr eigenes Konto löschen Sie unter „Mein Konto“.</p> : undefined}
      confirmLabel={`Konto von ${user.name} endgültig löschen`}
      consequence={
        <>
          <p>
            Rolle: {user.role}
            {user.cityName ? `, ${user.cityName}` : ""}. Name, E-Mail-Adresse, Passwort, Sitzungen, Abonnements und Benachrichtigungen werden
            gelöscht (DSGVO, Art. 17). Beiträge, Themen und Projekte bleiben erhalten und werden „ehemaliges Mitglied“ zugeordnet.
          </p>
          <p>
            Das kann nicht rückgängig gemacht werden.
            {user.disabled ? "" : " Wenn das Konto nur vorübergehend nicht genutzt werden soll, sperren Sie es stattdessen."}
          </p>
        </>
      }
    />
  );
}
