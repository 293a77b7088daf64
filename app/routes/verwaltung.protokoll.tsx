import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { auditFilterOptions, listAudit, resolveAuditTargets } from "~/services/audit.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { auditActionLabel, auditEntityLabel, describeAuditDetail, guideLabel } from "~/utils/audit-labels";
import { formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Protokoll");
const PAGE = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in Berlin → its start as a Date (good enough for a filter: CET/CEST by the day's offset). */
function berlinDayStart(iso: string): Date {
  const probe = new Date(`${iso}T12:00:00Z`);
  const berlinNoon = new Date(probe.toLocaleString("en-US", { timeZone: "Europe/Berlin" }));
  const utcNoon = new Date(probe.toLocaleString("en-US", { timeZone: "UTC" }));
  const offsetMs = berlinNoon.getTime() - utcNoon.getTime();
  return new Date(new Date(`${iso}T00:00:00Z`).getTime() - offsetMs);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.audit");
  const sp = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Number(sp.get("seite")) || 1));
  const db = getDb();
  const options = auditFilterOptions(db);
  const person = (sp.get("person") ?? "").slice(0, 64);
  const typ = (sp.get("typ") ?? "").slice(0, 40);
  const von = (sp.get("von") ?? "").slice(0, 10);
  const bis = (sp.get("bis") ?? "").slice(0, 10);
  const filter = {
    actorId: person === "system" || options.actors.some((a) => a.id === person) ? person : undefined,
    entityType: options.types.includes(typ) ? typ : undefined,
    from: DATE.test(von) ? berlinDayStart(von) : undefined,
    to: DATE.test(bis) ? new Date(berlinDayStart(bis).getTime() + 86_400_000) : undefined,
  };
  const rows = listAudit(db, { ...filter, limit: PAGE + 1, offset: (page - 1) * PAGE });
  const shown = rows.slice(0, PAGE);
  const { targets, names } = resolveAuditTargets(db, shown);
  const params = new URLSearchParams();
  if (filter.actorId) params.set("person", filter.actorId);
  if (filter.entityType) params.set("typ", filter.entityType);
  if (filter.from) params.set("von", von);
  if (filter.to) params.set("bis", bis);
  return {
    page,
    hasNext: rows.length > PAGE,
    query: params.toString(),
    values: { person: filter.actorId ?? "", typ: filter.entityType ?? "", von: filter.from ? von : "", bis: filter.to ? bis : "" },
    actors: options.actors,
    types: options.types.map((t) => ({ value: t, label: auditEntityLabel(t) })).sort((a, b) => a.label.localeCompare(b.label, "de")),
    filtered: Boolean(filter.actorId || filter.entityType || filter.from || filter.to),
    rows: shown.map((r) => {
      const target = targets[`${r.entityType}:${r.entityId}`];
      return {
        id: r.id,
        at: r.at.toISOString(),
        actorName: r.actorName,
        action: auditActionLabel(r.action),
        type: auditEntityLabel(r.entityType),
        target: target ?? { label: r.entityType === "guide" ? guideLabel(r.entityId) : r.entityType === "forum_category" && r.entityId === "0" ? "alle Kategorien" : `Nr. ${r.entityId} (nicht mehr vorhanden)` },
        changes: describeAuditDetail(r.detail, names),
      };
    }),
  };
}

export default function Protokoll() {
  const { rows, page, hasNext, query, values, actors, types, filtered } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${[query, `seite=${n}`].filter(Boolean).join("&")}`;
  return (
    <>
      <h1>Protokoll</h1>
      <p>Wer hat was an welchem Datensatz wann geändert. Neueste Einträge zuerst.</p>
      <Form method="get" className="audit-filter" aria-labelledby="protokoll-filter-titel">
        <h2 id="protokoll-filter-titel">Einträge filtern</h2>
        <div className="audit-filter__fields">
          <p>
            <label htmlFor="protokoll-person">Person</label>
            <select id="protokoll-person" name="person" defaultValue={values.person}>
              <option value="">Alle Personen</option>
              <option value="system">System (ohne Person)</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="protokoll-typ">Art des Datensatzes</label>
            <select id="protokoll-typ" name="typ" defaultValue={values.typ}>
              <option value="">Alle Arten</option>
              {types.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor="protokoll-von">Von (Datum)</label>
            <input id="protokoll-von" type="date" name="von" defaultValue={values.von} />
          </p>
          <p>
            <label htmlFor="protokoll-bis">Bis (Datum)</label>
            <input id="protokoll-bis" type="date" name="bis" defaultValue={values.bis} />
          </p>
        </div>
        <p className="audit-filter__actions">
          <button type="submit">Filtern</button>
          {filtered ? <Link to="/verwaltung/protokoll">Filter zurücksetzen</Link> : null}
        </p>
      </Form>
      {rows.length === 0 ? (
        <p role="status">{filtered ? "Keine Einträge für diese Filter." : "Noch keine Einträge."}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Tabelle: Protokoll" tabIndex={0}>
          <table className="stack-cards">
            <thead>
              <tr>
                <th scope="col">Zeit</th>
                <th scope="col">Person</th>
                <th scope="col">Aktion</th>
                <th scope="col">Datensatz</th>
                <th scope="col">Änderungen</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label="Zeit">{formatDateTime(r.at)}</td>
                  <td data-label="Person">{r.actorName ?? "System"}</td>
                  <td data-label="Aktion">{r.action}</td>
                  <td data-label="Datensatz">
                    {r.type}: {r.target.href ? <Link to={r.target.href}>{r.target.label}</Link> : r.target.label}
                  </td>
                  <td data-label="Änderungen">
                    {r.changes.length ? (
                      <ul className="audit-changes">
                        {r.changes.map((c, i) => (
                          <li key={i}>{c}</li>
                        ))}
                      </ul>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Seiten">
        <ul className="pagination">
          {page > 1 ? (
            <li>
              <Link to={pageLink(page - 1)}>Neuere Einträge</Link>
            </li>
          ) : null}
          {hasNext ? (
            <li>
              <Link to={pageLink(page + 1)}>Ältere Einträge</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
