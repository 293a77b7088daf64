import { ANKOMMEN_SPRACHEN, ANKOMMEN_SPRACHEN_DE, keysOf, type AnkommenSprache } from "~/utils/taxonomy";

/** Language switch for the guides: plain links (works without JavaScript); each name in its own language. */
export function SprachWahl({ current, hrefFor, available }: { current: string; hrefFor: (lang: AnkommenSprache) => string; available?: string[] }) {
  const langs = keysOf(ANKOMMEN_SPRACHEN).filter((l) => !available || available.includes(l));
  return (
    <nav aria-label="Sprache des Wegweisers" className="sprachwahl no-print">
      <ul>
        {langs.map((l) => (
          <li key={l}>
            <a href={hrefFor(l)} hrefLang={l} lang={l} aria-current={l === current ? "page" : undefined}>
              {ANKOMMEN_SPRACHEN[l]}
              {l !== "de" && l !== "de-x-ls" ? <span className="visually-hidden" lang="de"> ({ANKOMMEN_SPRACHEN_DE[l]})</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
