import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAudit } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Protokoll");
const PAGE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.audit");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("seite")) || 1);
  const rows = listAudit(getDb(), { limit: PAGE + 1, offset: (page - 1) * PAGE });
  return {
    page,
    hasNext: rows.length > PAGE,
    rows: rows.slice(0, PAGE).map((r) => ({ ...r, at: r.at.toISOString(), detail: r.detail ? JSON.stringify(r.detail) : "" })),
  };
}

export default function Protokoll() {
  const { rows, page, hasNext } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Protokoll</h1>
      <p>Wer hat was an welchem Datensatz wann geändert. Neueste Einträge zuerst.</p>
      <div className="table-wrap" role="region" aria-label="Tabelle: Protokoll" tabIndex={0}>
        <table className="stack-cards">
          <thead>
            <tr>
              <th scope="col">Zeit</th>
              <th scope="col">Person</th>
              <th scope="col">Aktion</th>
              <th scope="col">Datensatz</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label="Zeit">{formatDateTime(r.at)}</td>
                <td data-label="Person">{r.actorName ?? "System"}</td>
                <td data-label="Aktion">
                  <code>{r.action}</code>
                </td>
                <td data-label="Datensatz">
                  {r.entityType} {r.entityId}
                </td>
                <td data-label="Details">
                  <code className="break">{r.detail}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Seiten">
        <ul className="pagination">
          {page > 1 ? (
            <li>
              <Link to={`?seite=${page - 1}`}>Neuere Einträge</Link>
            </li>
          ) : null}
          {hasNext ? (
            <li>
              <Link to={`?seite=${page + 1}`}>Ältere Einträge</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
