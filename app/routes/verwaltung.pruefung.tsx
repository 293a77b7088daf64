// "Überprüfung fällig" (Redaktion): every entry that is overdue or due within the reminder lead time (or all
// entries with ?alle=1), with owner and deputy; owners and deputies can be changed in bulk. Plain form POST.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { listRedaktionUsers, listReviewItems, ReviewError, setOwners } from "~/models/review.server";
import { requirePermission } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { ReviewStateText } from "~/components/ReviewState";
import { ErrorSummary, SelectField } from "~/components/ui/form";
import { formatDate, todayIso } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { REMINDER_LEAD_DAYS } from "~/utils/review";

export const meta: MetaFunction = () => titleMeta("Überprüfung fällig");

const KEEP = "__unveraendert";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content.review");
  const today = todayIso();
  const all = new URL(request.url).searchParams.get("alle") === "1";
  const db = getDb();
  const items = listReviewItems(db, today);
  const shown = all ? items : items.filter((i) => i.state !== "ok");
  return {
    today,
    all,
    total: items.length,
    overdue: items.filter((i) => i.state === "ueberfaellig").length,
    items: shown.map((i) => ({
      key: `${i.entityType}:${i.id}`,
      title: i.title,
      kindLabel: i.kindLabel,
      url: i.url,
      editUrl: i.editUrl,
      stand: i.stand,
      pruefenBis: i.pruefenBis,
      state: i.state,
      ownerName: i.ownerName,
      deputyName: i.deputyName,
    })),
    users: listRedaktionUsers(db),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content.review");
  const form = await request.formData();
  const items = form
    .getAll("eintrag")
    .slice(0, 1000)
    .map(String)
    .map((v) => /^(article|programme):(\d{1,10})$/.exec(v))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ entityType: m[1] as "article" | "programme", id: Number(m[2]) }));
  const pick = (k: string) => {
    const v = String(form.get(k) ?? KEEP).slice(0, 100);
    return v === KEEP ? undefined : v === "" ? null : v;
  };
  const ownerId = pick("ownerId");
  const deputyId = pick("deputyId");
  const errors: Record<string, string> = {};
  if (items.length === 0) errors.eintrag = "Bitte wählen Sie mindestens einen Eintrag aus.";
  if (ownerId === undefined && deputyId === undefined) errors.ownerId = "Bitte wählen Sie eine neue Verantwortung oder Vertretung.";
  if (Object.keys(errors).length) return data({ title: "Überprüfung fällig", errors }, { status: 400 });
  try {
    const n = setOwners(getDb(), { items, ownerId, deputyId, actor: { id: user.id } });
    const back = form.get("alle") === "1" ? "/verwaltung/pruefung?alle=1" : "/verwaltung/pruefung";
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(`Zuständigkeit für ${n} ${n === 1 ? "Eintrag" : "Einträge"} geändert.`) } });
  } catch (e) {
    if (e instanceof ReviewError) return data({ title: "Überprüfung fällig", errors: { ownerId: e.message } }, { status: 400 });
    throw e;
  }
}

export default function Pruefung() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const errors: Record<string, string> | null = a?.errors ?? null;
  const people = d.users.map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <h1>Überprüfung fällig</h1>
      <p>
        {d.overdue} von {d.total} Einträgen sind überfällig (Prüfdatum vor dem {formatDate(d.today)}). Gezeigt werden{" "}
        {d.all ? "alle Einträge" : `überfällige und in den nächsten ${REMINDER_LEAD_DAYS} Tagen fällige Einträge`}.{" "}
        {d.all ? <Link to="/verwaltung/pruefung">Nur fällige zeigen</Link> : <Link to="?alle=1">Alle Einträge zeigen</Link>} ·{" "}
        <Link to="/verwaltung/meine-pruefungen">Meine Prüfungen</Link>
      </p>
      <ErrorSummary errors={errors} labels={{ eintrag: "Auswahl", ownerId: "Verantwortlich", deputyId: "Vertretung" }} />
      {d.items.length === 0 ? (
        <p>Kein Eintrag ist fällig.</p>
      ) : (
        <Form method="post">
          {d.all ? <input type="hidden" name="alle" value="1" /> : null}
          <fieldset aria-describedby={errors?.eintrag ? "feld-eintrag-fehler" : undefined}>
            <legend>Einträge ({d.items.length})</legend>
            {errors?.eintrag ? (
              <p className="field-error" id="feld-eintrag-fehler">
                <span className="visually-hidden">Fehler: </span>
                {errors.eintrag}
              </p>
            ) : null}
            <div className="table-wrap" tabIndex={0} role="group" aria-label="Tabelle, seitlich verschiebbar">
              <table className="stack-cards">
                <thead>
                  <tr>
                    <th scope="col">Auswahl</th>
                    <th scope="col">Eintrag</th>
                    <th scope="col">Art</th>
                    <th scope="col">Stand</th>
                    <th scope="col">Prüfen bis</th>
                    <th scope="col">Verantwortlich</th>
                    <th scope="col">Aktion</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r, i) => (
                    <tr key={r.key}>
                      <td data-label="Auswahl">
                        <input type="checkbox" name="eintrag" value={r.key} id={i === 0 ? "feld-eintrag" : `eintrag-${r.key.replace(":", "-")}`} aria-label={`Auswählen: ${r.title}`} />
                      </td>
                      <th scope="row">
                        <Link to={r.url}>{r.title}</Link>
                      </th>
                      <td data-label="Art">{r.kindLabel}</td>
                      <td data-label="Stand">{formatDate(r.stand)}</td>
                      <td data-label="Prüfen bis">
                        <ReviewStateText state={r.state} pruefenBis={r.pruefenBis} />
                      </td>
                      <td data-label="Verantwortlich">
                        {r.ownerName}
                        {r.deputyName ? <span className="muted"> (Vertretung: {r.deputyName})</span> : null}
                      </td>
                      <td>
                        <Link to={r.editUrl}>
                          Prüfen und bearbeiten<span className="visually-hidden">: {r.title}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
          <fieldset>
            <legend>Zuständigkeit der ausgewählten Einträge ändern</legend>
            <SelectField name="ownerId" label="Verantwortlich" options={[{ value: KEEP, label: "unverändert lassen" }, { value: "", label: "Redaktion (Team)" }, ...people]} defaultValue={KEEP} errors={errors} />
            <SelectField name="deputyId" label="Vertretung" options={[{ value: KEEP, label: "unverändert lassen" }, { value: "", label: "keine Vertretung" }, ...people]} defaultValue={KEEP} errors={errors} />
            <button type="submit">Zuständigkeit übernehmen</button>
          </fieldset>
        </Form>
      )}
    </>
  );
}
