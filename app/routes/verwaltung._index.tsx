import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/services/auth.server";
import { titleMeta } from "~/utils/meta";
import { ROLES } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Verwaltung");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "verwaltung.open");
  return { role: user.role, roleLabel: ROLES[user.role], cityName: user.cityName };
}

export default function VerwaltungIndex() {
  const { role, roleLabel, cityName } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Verwaltung</h1>
      <p>
        Sie arbeiten als <strong>{roleLabel}</strong>
        {cityName ? ` für ${cityName}` : ""}.
      </p>
      <ul>
        {role === "admin" ? (
          <>
            <li>
              <Link to="/verwaltung/benutzer">Benutzer und Rollen verwalten</Link>
            </li>
            <li>
              <Link to="/verwaltung/staedte">Städte pflegen</Link>
            </li>
            <li>
              <Link to="/verwaltung/protokoll">Protokoll aller Änderungen lesen</Link>
            </li>
          </>
        ) : null}
        {role === "admin" || role === "koordination" ? (
          <li>
            <Link to="/verwaltung/einladungen">Personen einladen</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
