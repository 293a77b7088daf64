import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Impressum");

/** Operator fields are marked for the operator to fill in (they are not known to the developers). */
function Ausfuellen({ children }: { children: string }) {
  return <span className="badge badge--warn">Vom Betreiber auszufüllen: {children}</span>;
}

export default function Impressum() {
  return (
    <div className="prose">
      <h1>Impressum</h1>
      <p>Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV).</p>
      <h2>Betreiber</h2>
      <p>
        <Ausfuellen>Name der Stelle (z. B. Landeskoordinierungsstelle)</Ausfuellen>
        <br />
        <Ausfuellen>Anschrift</Ausfuellen>
      </p>
      <h2>Vertreten durch</h2>
      <p>
        <Ausfuellen>vertretungsberechtigte Person oder Stelle</Ausfuellen>
      </p>
      <h2>Kontakt</h2>
      <p>
        <Ausfuellen>Telefon</Ausfuellen>
        <br />
        <Ausfuellen>E-Mail-Adresse</Ausfuellen>
      </p>
      <h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
      <p>
        <Ausfuellen>Name und Anschrift der Redaktion</Ausfuellen>
      </p>
      <h2>Inhalte</h2>
      <p>
        Die Wissensbeiträge beruhen auf dem „Handlungsrahmen Zuwanderung aus Südosteuropa“ (KOMM-IN NRW, Städte Dortmund und Duisburg, 31.01.2013)
        und öffentlichen Quellen. Jeder Beitrag nennt seinen Stand und seine Quellen; Beiträge mit Prüfbedarf sind gekennzeichnet.
      </p>
    </div>
  );
}
