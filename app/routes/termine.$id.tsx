import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatEventTime } from "~/components/termine/berlin-time";
import { TERMIN_ZIELGRUPPEN, type TerminZielgruppe } from "~/components/termine/labels";
import { getTermin } from "~/models/termin.server";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER, type Handlungsfeld } from "~/utils/taxonomy";
import { Breadcrumbs } from "~/components/Breadcrumbs";

export const meta: MetaFunction<typeof loader> = ({ data }) => titleMeta(data ? data.termin.titel : "Termin nicht gefunden");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const id = /^\d{1,12}$/.test(params.id ?? "") ? Number(params.id) : 0;
  const t = getTermin(getDb(), id);
  if (!t) throw new Response("Diesen Termin gibt es nicht.", { status: 404 });
  return {
    termin: {
      id: t.id,
      titel: t.titel,
      beginn: t.beginn.toISOString(),
      ende: t.ende?.toISOString() ?? null,
      ort: t.ort,
      online: t.online,
      zielgruppen: t.zielgruppen,
      handlungsfelder: t.handlungsfelder,
      anmeldungUrl: t.anmeldungUrl,
      beschreibung: t.beschreibung,
      city: t.cityName ? { name: t.cityName, slug: t.citySlug } : null,
    },
    canEdit: can(viewer, "termin.edit", { cityId: t.cityId }),
  };
}

export default function TerminDetail() {
  const { termin: t, canEdit } = useLoaderData<typeof loader>();
  return (
    <article className="narrow">
      <Breadcrumbs items={[{ label: "Termine", to: "/termine" }, { label: t.titel }]} />
      <h1>{t.titel}</h1>
      <dl className="conditions">
        <dt>Wann</dt>
        <dd>
          <time dateTime={t.beginn}>{formatEventTime(new Date(t.beginn), t.ende ? new Date(t.ende) : null)}</time>
        </dd>
        <dt>Wo</dt>
        <dd>{[t.ort, t.online ? "online" : null].filter(Boolean).join(" · ") || "keine Angabe"}</dd>
        <dt>Veranstaltet von</dt>
        <dd>{t.city ? <Link to={`/staedte/${t.city.slug}`}>{t.city.name}</Link> : "Land bzw. Städtenetz"}</dd>
        <dt>Zielgruppen</dt>
        <dd>{t.zielgruppen.length ? t.zielgruppen.map((z) => TERMIN_ZIELGRUPPEN[z as TerminZielgruppe] ?? z).join(", ") : "keine Angabe"}</dd>
        <dt>Handlungsfelder</dt>
        <dd>{t.handlungsfelder.length ? t.handlungsfelder.map((h) => HANDLUNGSFELDER[h as Handlungsfeld] ?? h).join(", ") : "keine Angabe"}</dd>
        <dt>Anmeldung</dt>
        <dd>{t.anmeldungUrl ? <a href={t.anmeldungUrl}>Zur Anmeldung</a> : "keine Angabe"}</dd>
      </dl>
      {t.beschreibung
        ? t.beschreibung.split(/\n{2,}/).map((p, i) => (
            <p key={i} className="pre-line">
              {p}
            </p>
          ))
        : null}
      <p>
        <a href={`/termine.ics`}>Alle Termine als Kalender (.ics)</a>
        {canEdit ? (
          <>
            {" · "}
            <Link to={`/termine/${t.id}/bearbeiten`}>Termin bearbeiten</Link>
          </>
        ) : null}
      </p>
    </article>
  );
}
