import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requirePermission, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "verwaltung.open");
  const v = toViewer(user);
  const sections = [
    { to: "/verwaltung", label: "Übersicht", end: true, show: true },
    { to: "/verwaltung/uebersicht", label: "Projektübersicht", show: true },
    { to: "/verwaltung/benutzer", label: "Benutzer", show: can(v, "admin.users") },
    { to: "/verwaltung/einladungen", label: "Einladungen", show: user.role === "admin" || user.role === "koordination" },
    { to: "/verwaltung/staedte", label: "Städte", show: can(v, "admin.cities") },
    { to: "/verwaltung/protokoll", label: "Protokoll", show: can(v, "admin.audit") },
    { to: "/verwaltung/mail", label: "Mail-Ausgang", show: can(v, "admin.mail") },
    { to: "/verwaltung/csp-berichte", label: "CSP-Berichte", show: can(v, "admin.cspReports") },
    { to: "/verwaltung/moderation", label: "Moderation", show: can(v, "forum.moderate") },
    { to: "/verwaltung/kategorien", label: "Forum-Kategorien", show: can(v, "admin.categories") },
    { to: "/clearingstelle", label: "Clearingstelle", show: can(v, "clearing.work") },
    { to: "/verwaltung/meine-pruefungen", label: "Meine Prüfungen", show: can(v, "content.review") },
    { to: "/verwaltung/pruefung", label: "Überprüfung fällig", show: can(v, "content.review") },
    { to: "/verwaltung/vorschlaege", label: "Änderungsvorschläge", show: can(v, "content.edit") },
    { to: "/verwaltung/synonyme", label: "Such-Synonyme", show: can(v, "search.synonyms") },
  ].filter((s) => s.show);
  return { sections: sections.map(({ to, label, end }) => ({ to, label, end: !!end })) };
}

export default function Verwaltung() {
  const { sections } = useLoaderData<typeof loader>();
  return (
    <div className="layout-2col">
      <nav aria-label="Verwaltung" className="facets">
        <h2>Verwaltung</h2>
        <ul>
          {sections.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <Outlet />
      </div>
    </div>
  );
}
