import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import css from "~/components/forderungen/forderungen.css";
import { StatusBadge } from "~/components/forderungen/StatusBadge";
import { decideProposal, listProposals } from "~/models/forderung.server";
import { requirePermission, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { flashHeader } from "~/services/flash.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];
export const meta: MetaFunction = () => titleMeta("Statusvorschläge zu Forderungen");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "forderung.decide");
  const proposals = listProposals(getDb(), toViewer(user)).map((p) => ({
    id: p.id,
    slug: p.forderungSlug,
    titel: p.forderungTitel,
    current: p.forderungStatus,
    status: p.status,
    datum: p.datum,
    nachweis: p.nachweis,
    nachweisUrl: p.nachweisUrl,
    begruendung: p.begruendung,
    author: p.author,
    createdAt: p.createdAt.toISOString(),
  }));
  return { proposals };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "forderung.decide");
  const form = await request.formData();
  const id = Number(form.get("id"));
  const decision = form.get("entscheidung") === "bestaetigen" ? "bestaetigt" : form.get("entscheidung") === "ablehnen" ? "abgelehnt" : null;
  if (!Number.isInteger(id) || id <= 0 || !decision) throw new Response("Ungültige Anfrage.", { status: 400 });
  const result = decideProposal(getDb(), toViewer(user)!, id, decision, null);
  const message = !result.ok ? "Dieser Vorschlag wurde bereits entschieden." : decision === "bestaetigt" ? "Vorschlag bestätigt: Er steht jetzt im Verlauf." : "Vorschlag abgelehnt.";
  return redirect("/forderungen/vorschlaege", { headers: { "Set-Cookie": await flashHeader(message) } });
}

export default function Vorschlaege() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <Breadcrumbs items={[{ label: "Forderungen", to: "/forderungen" }, { label: "Statusvorschläge" }]} />
      <h1>Statusvorschläge</h1>
      <p>Koordinatorinnen und Koordinatoren schlagen Statusänderungen vor. Erst nach Ihrer Bestätigung erscheinen sie im Verlauf und im Feed.</p>
      {proposals.length === 0 ? <p>Keine offenen Vorschläge.</p> : null}
      {proposals.map((p) => (
        <section key={p.id} className="forderung-proposal" aria-labelledby={`v-${p.id}`}>
          <h2 id={`v-${p.id}`} className="h3">
            <Link to={`/forderungen/${p.slug}`}>{p.titel}</Link>
          </h2>
          <p>
            Von <StatusBadge status={p.current} /> nach <StatusBadge status={p.status} />, zum <time dateTime={p.datum}>{formatDate(p.datum)}</time>
          </p>
          <p>
            Nachweis: {p.nachweis}
            {p.nachweisUrl ? (
              <>
                {" "}
                (<a href={p.nachweisUrl}>Quelle öffnen</a>)
              </>
            ) : null}
          </p>
          {p.begruendung ? <p>Anmerkung: {p.begruendung}</p> : null}
          <p className="forderung-meta">
            Vorgeschlagen von {p.author} am {formatDateTime(p.createdAt)}
          </p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="id" value={p.id} />
            <button type="submit" name="entscheidung" value="bestaetigen">
              Bestätigen<span className="visually-hidden">: {p.titel}</span>
            </button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="id" value={p.id} />
            <button type="submit" name="entscheidung" value="ablehnen">
              Ablehnen<span className="visually-hidden">: {p.titel}</span>
            </button>
          </Form>
        </section>
      ))}
    </div>
  );
}
