// /ankommen/:station?sprache=bg&stadt=duisburg – one guide in one language, with the chosen city's Anlaufstellen.
// The guide's own content carries its `lang`; the surrounding UI stays German (decision record 013).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { getUser, requirePermission, toViewer } from "~/services/auth.server";
import { can } from "~/services/permissions";
import { flashHeader } from "~/services/flash.server";
import { getStationGuides, isSprache, isStation, listAnlaufstellen, listCityChoices, markGuideReviewed } from "~/models/ankommen.server";
import { getCityBySlug } from "~/models/city.server";
import { AnlaufstellenList, toAnlaufstelleView } from "~/components/ankommen/AnlaufstellenList";
import { SprachWahl } from "~/components/ankommen/SprachWahl";
import { formatDate, todayIso } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { ANKOMMEN_SPRACHEN_DE, ANKOMMEN_STATIONEN, UEBERSETZUNG_STATUS, type AnkommenSprache } from "~/utils/taxonomy";
import { getEnv } from "~/services/env.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";

const guideUrl = (station: string, lang: string, stadt?: string | null) => {
  const sp = new URLSearchParams();
  if (lang !== "de") sp.set("sprache", lang);
  if (stadt) sp.set("stadt", stadt);
  const q = sp.toString();
  return `/ankommen/${station}${q ? `?${q}` : ""}`;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const station = params.station;
  if (!isStation(station)) throw new Response("Diesen Wegweiser gibt es nicht.", { status: 404 });
  const url = new URL(request.url);
  const sp = url.searchParams.get("sprache");
  const db = getDb();
  const set = getStationGuides(db, station);
  if (set.length === 0) throw new Response("Dieser Wegweiser ist noch nicht veröffentlicht.", { status: 404 });
  const wanted: AnkommenSprache = isSprache(sp) ? sp : "de";
  const guide = set.find((g) => g.lang === wanted) ?? set.find((g) => g.lang === "de") ?? set[0];
  const stadtSlug = url.searchParams.get("stadt");
  const city = stadtSlug ? getCityBySlug(db, stadtSlug) : null;
  const viewer = toViewer(await getUser(request));
  return {
    station,
    stationLabel: ANKOMMEN_STATIONEN[station],
    missingLanguage: wanted !== guide.lang ? wanted : null,
    guide: {
      lang: guide.lang,
      title: guide.title,
      summary: guide.summary,
      html: guide.cooked,
      status: guide.status,
      geprueftVon: guide.geprueftVon,
      geprueftAm: guide.geprueftAm,
      quelleStand: guide.quelleStand,
      sourceStand: guide.sourceStand,
      outdated: guide.outdated,
      checkliste: guide.checkliste,
    },
    languages: set.map((g) => g.lang),
    city: city ? { slug: city.slug, name: city.name } : null,
    unknownCity: !!stadtSlug && !city,
    stellen: city ? listAnlaufstellen(db, city.id, [station]).map(toAnlaufstelleView) : [],
    cities: listCityChoices(db).map((c) => ({ slug: c.slug, name: c.name })),
    canReview: can(viewer, "guide.review") && guide.lang !== "de" && guide.status !== "geprueft",
    alternates: set.map((g) => ({ lang: g.lang, href: getEnv().publicUrl + guideUrl(station, g.lang) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: pageTitle("Wegweiser nicht gefunden") }];
  return [
    { title: pageTitle(`${data.guide.title} – Ankommen`) },
    { name: "description", content: data.guide.summary },
    ...data.alternates.map((a) => ({ tagName: "link", rel: "alternate", hrefLang: a.lang, href: a.href })),
  ];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const station = params.station;
  if (!isStation(station)) throw new Response("Diesen Wegweiser gibt es nicht.", { status: 404 });
  const user = await requirePermission(request, "guide.review");
  const form = await request.formData();
  const lang = String(form.get("sprache") ?? "");
  if (!isSprache(lang) || lang === "de") throw new Response("Unbekannte Sprache.", { status: 400 });
  const ok = markGuideReviewed(getDb(), { station, lang, reviewer: { id: user.id, name: user.name }, today: todayIso() });
  if (!ok) throw new Response("Diesen Wegweiser gibt es nicht.", { status: 404 });
  return redirect(guideUrl(station, lang), { headers: { "Set-Cookie": await flashHeader("Die Übersetzung ist als geprüft markiert.") } });
}

function ReviewStatus({ guide }: { guide: ReturnType<typeof useLoaderData<typeof loader>>["guide"] }) {
  if (guide.lang === "de") return <p className="muted">Stand der deutschen Fassung: {formatDate(guide.quelleStand)}</p>;
  return (
    <div className="guide-status">
      <p>
        <strong>{UEBERSETZUNG_STATUS[guide.status as keyof typeof UEBERSETZUNG_STATUS] ?? guide.status}</strong>
        {guide.status === "geprueft" && guide.geprueftVon ? ` – geprüft von ${guide.geprueftVon} am ${formatDate(guide.geprueftAm)}` : null}
        {" · "}übersetzt nach der deutschen Fassung vom {formatDate(guide.quelleStand)}
      </p>
      {guide.outdated ? (
        <p className="notice notice--warn">
          <strong>Veraltet:</strong> Die deutsche Fassung wurde am {formatDate(guide.sourceStand)} geändert. Diese Übersetzung ist älter;
          maßgeblich ist die deutsche Fassung.
        </p>
      ) : null}
    </div>
  );
}

export default function AnkommenStation() {
  const d = useLoaderData<typeof loader>();
  const { guide } = d;
  return (
    <>
      <Breadcrumbs items={[{ label: "Ankommen", to: guide.lang === "de" ? "/ankommen" : `/ankommen?sprache=${guide.lang}` }, { label: d.stationLabel }]} />
      <SprachWahl current={guide.lang} available={d.languages} hrefFor={(l) => guideUrl(d.station, l, d.city?.slug)} />
      {d.missingLanguage ? (
        <p className="notice" role="status">
          Diesen Wegweiser gibt es noch nicht auf {ANKOMMEN_SPRACHEN_DE[d.missingLanguage as AnkommenSprache]}; angezeigt wird die deutsche Fassung.
        </p>
      ) : null}
      <article lang={guide.lang} className="guide">
        <h1>{guide.title}</h1>
        <p className="lead">{guide.summary}</p>
        <div lang="de">
          <ReviewStatus guide={guide} />
        </div>
        <div className="prose" dangerouslySetInnerHTML={{ __html: guide.html }} />
      </article>
      {d.canReview ? (
        <Form method="post" className="no-print">
          <input type="hidden" name="sprache" value={guide.lang} />
          <button type="submit">Übersetzung als geprüft markieren</button>
        </Form>
      ) : null}
      <section aria-labelledby="anlaufstellen-titel" className="guide-anlaufstellen">
        <h2 id="anlaufstellen-titel">{d.city ? `Anlaufstellen in ${d.city.name}` : "Anlaufstellen in Ihrer Stadt"}</h2>
        {d.unknownCity ? <p className="notice">Diese Stadt ist nicht im Städtenetz. Bitte wählen Sie eine Stadt aus der Liste.</p> : null}
        {d.city ? (
          d.stellen.length ? (
            <AnlaufstellenList stellen={d.stellen} />
          ) : (
            <p>Für diesen Schritt hat {d.city.name} noch keine Anlaufstelle eingetragen.</p>
          )
        ) : null}
        <Form method="get" className="inline-form no-print">
          {guide.lang !== "de" ? <input type="hidden" name="sprache" value={guide.lang} /> : null}
          <label htmlFor="stadt-wahl">Stadt</label>
          <select id="stadt-wahl" name="stadt" defaultValue={d.city?.slug ?? ""}>
            <option value="">– bitte wählen –</option>
            {d.cities.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit">Anlaufstellen zeigen</button>
        </Form>
      </section>
      <p className="no-print">
        {guide.checkliste ? (
          <>
            Für Fachkräfte: <Link to={`/wissen/${guide.checkliste}`}>die fachliche Checkliste in Wissen</Link> (maßgebliche Fassung, auf Deutsch) ·{" "}
          </>
        ) : null}
        <Link to={`/ankommen/laufzettel?stationen=${d.station}${d.city ? `&stadt=${d.city.slug}` : ""}`}>Laufzettel mit diesem Schritt erstellen</Link>
      </p>
    </>
  );
}
