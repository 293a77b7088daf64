import type { AnlaufstelleInput } from "~/models/ankommen.server";
import { ANKOMMEN_SPRACHEN_DE, HANDLUNGSFELDER, label } from "~/utils/taxonomy";

/** What the pages show of an office (every field but its Stationen, which only the editor needs). */
export type AnlaufstelleView = Omit<AnlaufstelleInput, "stationen"> & { id: number };

const SPRACHEN_LABEL: Record<string, string> = { ...ANKOMMEN_SPRACHEN_DE, tr: "Türkisch", ar: "Arabisch", rom: "Romanes", "de-x-ls": "Leichte Sprache" };
export const spracheLabel = (code: string) => SPRACHEN_LABEL[code] ?? code;

/** The offices of a city as a definition list per office (German UI; shown on the city page, guides and Laufzettel). */
export function AnlaufstellenList({ stellen, headingLevel = 3 }: { stellen: AnlaufstelleView[]; headingLevel?: 2 | 3 | 4 }) {
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  return (
    <ul className="anlaufstellen">
      {stellen.map((s) => (
        <li key={s.id} className="anlaufstelle">
          <H>{s.name}</H>
          <dl>
            <dt>Bereich</dt>
            <dd>{label(HANDLUNGSFELDER, s.handlungsfeld)}</dd>
            <dt>Adresse</dt>
            <dd className="pre-line">{s.adresse}</dd>
            {s.oeffnungszeiten ? (
              <>
                <dt>Öffnungszeiten</dt>
                <dd className="pre-line">{s.oeffnungszeiten}</dd>
              </>
            ) : null}
            <dt>Termin</dt>
            <dd>{s.terminNoetig ? "nur mit Termin" : "ohne Termin möglich"}</dd>
            {s.telefon ? (
              <>
                <dt>Telefon</dt>
                <dd>
                  <a href={`tel:${s.telefon.replace(/[^+\d]/g, "")}`}>{s.telefon}</a>
                </dd>
              </>
            ) : null}
            {s.email ? (
              <>
                <dt>E-Mail</dt>
                <dd>
                  <a href={`mailto:${s.email}`}>{s.email}</a>
                </dd>
              </>
            ) : null}
            {s.sprachen.length ? (
              <>
                <dt>Sprachen</dt>
                <dd>{s.sprachen.map(spracheLabel).join(", ")}</dd>
              </>
            ) : null}
            {s.hinweis ? (
              <>
                <dt>Hinweis</dt>
                <dd className="pre-line">{s.hinweis}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export const toAnlaufstelleView = (s: AnlaufstelleView): AnlaufstelleView => ({
  id: s.id,
  name: s.name,
  handlungsfeld: s.handlungsfeld,
  adresse: s.adresse,
  oeffnungszeiten: s.oeffnungszeiten,
  telefon: s.telefon,
  email: s.email,
  sprachen: s.sprachen,
  terminNoetig: s.terminNoetig,
  hinweis: s.hinweis,
});
