import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { listAssignees, listQueue } from "~/models/clearing.server";
import { listCities } from "~/models/city.server";
import type { ClearingStatus } from "../../db/schema/forum";
import { StatusBadge, CLEARING_LABELS } from "~/components/forum/TopicMeta";

const CLEARING_STATUS = Object.keys(CLEARING_LABELS) as ClearingStatus[];
import { titleMeta } from "~/utils/meta";
import { formatDate } from "~/utils/format";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () => titleMeta("Clearingstelle");

export async function loader({ request }: LoaderFunctionArgs) {
  // Members may see the queue (what the Clearingstelle works on); only Redaktion works it (on the topic page).
  await requirePermission(request, "forum.readMembers");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = (CLEARING_STATUS as readonly string[]).includes(statusParam) ? (statusParam as ClearingStatus) : undefined;
  const assignee = url.searchParams.get("zustaendig") ?? "";
  const feld = url.searchParams.get("feld") ?? "";
  const db = getDb();
  const cities = Object.fromEntries(listCities(db).map((c) => [c.slug, c.name]));
  const rows = listQueue(db, { status, assignee: assignee || undefined, feld: feld || undefined });
  return {
    filters: { status: status ?? "", assignee, feld },
    assignees: listAssignees(db),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      dueDate: r.dueDate,
      overdue: r.overdue,
      url: `/forum/${r.categorySlug}/${r.id}`,
      assigneeName: r.assigneeName,
      cityName: r.cityName,
      felder: r.handlungsfelder.map((h) => HANDLUNGSFELDER[h as keyof typeof HANDLUNGSFELDER] ?? h).join(", "),
      staedte: r.staedte.map((s) => cities[s] ?? s).join(", "),
      concerns: r.concerns,
    })),
  };
}

export default function Clearingstelle() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Clearingstelle</h1>
      <p>
        Fragen von allgemeinem Interesse, die die städtische Koordination hierher gegeben hat. Die Redaktion weist sie zu, klärt sie und veröffentlicht
        die Antwort als FAQ im Bereich Wissen.
      </p>
      <Form method="get" className="forum-filters" aria-label="Warteschlange filtern">
        <div className="field">
          <label htmlFor="q-status">Status</label>
          <select id="q-status" name="status" defaultValue={d.filters.status}>
            <option value="">alle</option>
            {CLEARING_STATUS.filter((s) => s !== "offen").map((s) => (
              <option key={s} value={s}>
                {CLEARING_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-zustaendig">Zuständig</label>
          <select id="q-zustaendig" name="zustaendig" defaultValue={d.filters.assignee}>
            <option value="">alle</option>
            {d.assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-feld">Handlungsfeld</label>
          <select id="q-feld" name="feld" defaultValue={d.filters.feld}>
            <option value="">alle</option>
            {Object.entries(HANDLUNGSFELDER).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filtern</button>
      </Form>
      {d.rows.length === 0 ? (
        <p>Keine Fragen mit diesen Filtern.</p>
      ) : (
        <div className="table-wrap">
          <table className="clearing-queue stack-cards">
            <caption>{d.rows.length} Fragen in der Clearingstelle</caption>
            <thead>
              <tr>
                <th scope="col">Frage</th>
                <th scope="col">Status</th>
                <th scope="col">Zuständig</th>
                <th scope="col">Fällig</th>
                <th scope="col">Handlungsfeld</th>
                <th scope="col">Städte</th>
                <th scope="col">Betrifft auch</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "overdue" : undefined}>
                  <th scope="row">
                    <Link to={r.url}>{r.title}</Link>
                  </th>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label="Zuständig">{r.assigneeName ?? "–"}</td>
                  <td data-label="Fällig">
                    {r.dueDate ? formatDate(r.dueDate) : "–"}
                    {r.overdue ? <strong className="badge badge--fail">überfällig</strong> : null}
                  </td>
                  <td data-label="Handlungsfeld">{r.felder || "–"}</td>
                  <td data-label="Städte">{r.staedte || "–"}</td>
                  <td data-label="Betrifft auch">{r.concerns > 0 ? `${r.concerns} ${r.concerns === 1 ? "Stadt" : "Städte"}` : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
