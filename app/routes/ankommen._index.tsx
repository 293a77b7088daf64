// /ankommen: the newcomer guides, one per Station of arriving, in five languages (public).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/services/db.server";
import { STATION_KEYS, isSprache, listGuides } from "~/models/ankommen.server";
import { SprachWahl } from "~/components/ankommen/SprachWahl";
import { titleMeta } from "~/utils/meta";
import { ANKOMMEN_SPRACHEN, ANKOMMEN_STATIONEN, type AnkommenSprache } from "~/utils/taxonomy";

export const meta: MetaFunction = () =>
  titleMeta("Ankommen", "Wegweiser für neu Zugewanderte aus Bulgarien und Rumänien – auf Deutsch, in Leichter Sprache, Bulgarisch, Rumänisch und Englisch.");

const INTRO: Record<AnkommenSprache, string> = {
  de: "Was ist nach der Ankunft zu tun? Jeder Wegweiser erklärt einen Schritt: was zu tun ist, wo, was Sie mitbringen und was es kostet.",
  "de-x-ls": "Sie sind neu in Deutschland. Hier steht, was Sie tun müssen. Jede Seite erklärt einen Schritt.",
  bg: "Какво трябва да направите след пристигането? Всяко ръководство обяснява една стъпка: какво, къде, какво да носите и колко струва.",
  ro: "Ce trebuie să faceți după sosire? Fiecare ghid explică un pas: ce, unde, ce trebuie să aduceți și cât costă.",
  en: "What do you need to do after arriving? Each guide explains one step: what to do, where, what to bring and what it costs.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams.get("sprache");
  const sprache: AnkommenSprache = isSprache(sp) ? sp : "de";
  const guides = listGuides(getDb());
  return {
    sprache,
    stations: STATION_KEYS.map((station) => {
      const g = guides.find((x) => x.station === station && x.lang === sprache) ?? guides.find((x) => x.station === station && x.lang === "de");
      return g ? { station, label: ANKOMMEN_STATIONEN[station], title: g.title, summary: g.summary, lang: g.lang } : null;
    }).filter((s) => s !== null),
  };
}

export default function AnkommenIndex() {
  const { sprache, stations } = useLoaderData<typeof loader>();
  const q = sprache === "de" ? "" : `?sprache=${sprache}`;
  return (
    <>
      <h1>Ankommen</h1>
      <p>
        Wegweiser für Menschen, die aus Bulgarien oder Rumänien neu in eine Stadt des Städtenetzes kommen – und für Fachkräfte,
        die sie weitergeben. Die fachliche Grundlage sind die Checklisten im Bereich <Link to="/wissen?typ=checkliste">Wissen</Link>.
      </p>
      <SprachWahl current={sprache} hrefFor={(l) => (l === "de" ? "/ankommen" : `/ankommen?sprache=${l}`)} />
      <p lang={sprache}>{INTRO[sprache]}</p>
      <ol className="ankommen-liste">
        {stations.map((s) => (
          <li key={s.station} lang={s.lang}>
            <h2>
              <Link to={`/ankommen/${s.station}${q}`}>{s.title}</Link>
            </h2>
            <p>{s.summary}</p>
          </li>
        ))}
      </ol>
      <h2>Für Fachkräfte: Laufzettel</h2>
      <p>
        Der <Link to="/ankommen/laufzettel">Laufzettel</Link> stellt für eine Stadt die Schritte ausgewählter Stationen zweisprachig
        nebeneinander, mit den örtlichen Anlaufstellen und ihren Öffnungszeiten – zum Ausdrucken und Mitgeben. Verfügbare Sprachen:{" "}
        {Object.values(ANKOMMEN_SPRACHEN).length} ({Object.keys(ANKOMMEN_SPRACHEN).join(", ")}).
      </p>
    </>
  );
}
