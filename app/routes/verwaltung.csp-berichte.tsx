import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listCspReportGroups } from "~/models/csp-report.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("CSP-Berichte");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.cspReports");
  const { total, groups } = listCspReportGroups(getDb());
  return { total, groups: groups.map((g) => ({ ...g, last: g.last.toISOString() })) };
}

export default function CspBerichte() {
  const { total, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>CSP-Berichte</h1>
      <p>
        Browser melden hier Inhalte, die die Sicherheitsrichtlinie (Content Security Policy) der Website blockiert hat. Viele gleiche
        Berichte von einer Seite deuten auf einen Fehler der Website hin; einzelne Berichte mit fremden Adressen stammen oft von
        Browser-Erweiterungen. Gespeichert werden nur Richtlinie, Herkunft des blockierten Inhalts, Seitenpfad und Zeit – keine
        Adressen von Personen.
      </p>
      <p>
        Insgesamt {formatNumber(total)} {total === 1 ? "Bericht" : "Berichte"} gespeichert (die neuesten 5.000).
      </p>
      {groups.length === 0 ? (
        <p>Bisher sind keine Berichte eingegangen.</p>
      ) : (
        // Focusable scroll region: on a phone the table scrolls sideways, also with the keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabelle der CSP-Berichte">
          <table>
            <caption className="visually-hidden">CSP-Berichte, nach Richtlinie, Herkunft und Seite zusammengefasst</caption>
            <thead>
              <tr>
                <th scope="col">Zuletzt</th>
                <th scope="col">Richtlinie</th>
                <th scope="col">Blockiert (Herkunft)</th>
                <th scope="col">Seite</th>
                <th scope="col">Anzahl</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.directive} ${g.blockedOrigin} ${g.documentPath}`}>
                  <td>{formatDateTime(g.last)}</td>
                  <td>
                    <code>{g.directive}</code>
                  </td>
                  <td>
                    <code className="break">{g.blockedOrigin}</code>
                  </td>
                  <td>
                    <code className="break">{g.documentPath}</code>
                  </td>
                  <td>{formatNumber(g.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
