// Mail-Ausgang (admin only): what waits for delivery, what failed and why, and "erneut senden" for failed mail.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/services/auth.server";
import { audit } from "~/services/audit.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { kickMailDelivery, listOutbox, outboxCounts, resendFailedMail, type OutboxRow } from "~/services/mail.server";
import { listDailyJobRuns } from "~/services/scheduler.server";
import { ErrorSummary } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { formatDateTime, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Mail-Ausgang");
const TITLE = "Mail-Ausgang";
const LIMIT = 200;

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
const view = (r: OutboxRow) => ({
  id: r.id,
  to: r.to,
  subject: r.subject,
  createdAt: iso(r.createdAt)!,
  attempts: r.attempts,
  nextAttemptAt: iso(r.nextAttemptAt),
  inDelivery: r.inDelivery,
  lastError: r.lastError,
  failedAt: iso(r.failedAt),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.mail");
  const db = getDb();
  const now = Date.now();
  return {
    counts: outboxCounts(db, now),
    failed: listOutbox(db, "failed", { limit: LIMIT, now }).map(view),
    pending: listOutbox(db, "pending", { limit: LIMIT, now }).map(view),
    limit: LIMIT,
    now: new Date(now).toISOString(),
    jobs: listDailyJobRuns(db, 10).map((j) => ({ ...j, startedAt: iso(j.startedAt)!, finishedAt: iso(j.finishedAt) })),
  };
}

const resendSchema = z.object({
  intent: z.literal("resend", { errorMap: () => ({ message: "Unbekannte Aktion." }) }),
  id: z.coerce.number({ invalid_type_error: "Ungültige Nachricht." }).int("Ungültige Nachricht.").positive("Ungültige Nachricht.").max(Number.MAX_SAFE_INTEGER),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.mail");
  const db = getDb();
  const parsed = parseForm(await request.formData(), resendSchema, TITLE);
  if (!parsed.ok) return data(failure(TITLE, { _form: Object.values(parsed.errors)[0] ?? "Ungültige Eingabe." }), { status: 400 });
  const { id } = parsed.data;
  // Only a failed row is reset; a second click on the same button finds it pending and changes nothing.
  const reset = db.transaction(
    (tx) => {
      const ok = resendFailedMail(db, id); // same connection, inside this transaction
      if (ok) audit(tx, { actorId: admin.id, action: "mail.resend", entityType: "mail", entityId: id });
      return ok;
    },
    { behavior: "immediate" },
  );
  if (reset) kickMailDelivery(db);
  const message = reset ? "Die E-Mail wird erneut gesendet." : "Diese E-Mail ist bereits erneut eingeplant oder versandt.";
  return redirect("/verwaltung/mail", { headers: { "Set-Cookie": await flashHeader(message) } });
}

function nextAttempt(r: ReturnType<typeof view>, now: string) {
  if (r.inDelivery) return "wird gerade zugestellt";
  if (!r.nextAttemptAt || r.nextAttemptAt <= now) return "sofort";
  return formatDateTime(r.nextAttemptAt);
}

export default function MailAusgang() {
  const { counts, failed, pending, limit, now, jobs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Mail-Ausgang</h1>
      <ErrorSummary errors={actionData && !actionData.ok ? actionData.errors : null} />
      <p>
        E-Mails werden nacheinander zugestellt. Schlägt ein Versuch fehl, folgt der nächste nach 1, 5, 15 und 60 Minuten, danach alle 6 Stunden. Wer 48
        Stunden nach dem Einreihen nicht erreicht wurde, steht unter „Fehlgeschlagen“ und kann erneut gesendet werden.
      </p>
      <dl className="facts mail-counts">
        <dt>Wartend</dt>
        <dd>{formatNumber(counts.pending)}</dd>
        <dt>Fehlgeschlagen</dt>
        <dd>{formatNumber(counts.failed)}</dd>
        <dt>Gesendet in den letzten 24 Stunden</dt>
        <dd>{formatNumber(counts.sentLastDay)}</dd>
      </dl>

      <h2 id="fehlgeschlagen">Fehlgeschlagen</h2>
      {failed.length === 0 ? (
        <p>Keine fehlgeschlagenen E-Mails.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="fehlgeschlagen" tabIndex={0}>
          <table>
            <caption className="visually-hidden">
              Fehlgeschlagene E-Mails{counts.failed > failed.length ? ` (die ältesten ${limit})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Empfänger</th>
                <th scope="col">Betreff</th>
                <th scope="col">Eingereiht</th>
                <th scope="col">Versuche</th>
                <th scope="col">Letzter Fehler</th>
                <th scope="col">Aktion</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((m) => (
                <tr key={m.id}>
                  <td className="break">{m.to}</td>
                  <td className="break">{m.subject}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.attempts}</td>
                  <td>
                    <code className="break">{m.lastError ?? "keine Angabe"}</code>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="resend" />
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" className="secondary">
                        Erneut senden<span className="visually-hidden">: {m.subject} an {m.to}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="wartend">Wartend</h2>
      {pending.length === 0 ? (
        <p>Keine wartenden E-Mails.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="wartend" tabIndex={0}>
          <table>
            <caption className="visually-hidden">
              Wartende E-Mails{counts.pending > pending.length ? ` (die ältesten ${limit})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Empfänger</th>
                <th scope="col">Betreff</th>
                <th scope="col">Eingereiht</th>
                <th scope="col">Versuche</th>
                <th scope="col">Nächster Versuch</th>
                <th scope="col">Letzter Fehler</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((m) => (
                <tr key={m.id}>
                  <td className="break">{m.to}</td>
                  <td className="break">{m.subject}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.attempts}</td>
                  <td>{nextAttempt(m, now)}</td>
                  <td>{m.lastError ? <code className="break">{m.lastError}</code> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="tagesaufgaben">Tägliche Aufgaben</h2>
      {jobs.length === 0 ? (
        <p>Noch kein Lauf. Die tägliche Zusammenfassung läuft zur Stunde DIGEST_HOUR (Ortszeit) oder per „npm run mail:digest“.</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="tagesaufgaben" tabIndex={0}>
          <table className="stack-cards">
            <caption className="visually-hidden">Letzte Läufe der täglichen Aufgaben</caption>
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Aufgabe</th>
                <th scope="col">Begonnen</th>
                <th scope="col">Beendet</th>
                <th scope="col">Anzahl</th>
                <th scope="col">Fehler</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={`${j.job}-${j.day}`}>
                  <td data-label="Tag">{j.day}</td>
                  <td data-label="Aufgabe">{j.job === "mail-digest" ? "Tägliche Zusammenfassung" : j.job}</td>
                  <td data-label="Begonnen">{formatDateTime(j.startedAt)}</td>
                  <td data-label="Beendet">{j.finishedAt ? formatDateTime(j.finishedAt) : "noch nicht"}</td>
                  <td data-label="Anzahl">{j.count ?? "–"}</td>
                  <td data-label="Fehler">{j.lastError ? <code className="break">{j.lastError}</code> : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
