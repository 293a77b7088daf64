import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = () => titleMeta("Erklärung zur Barrierefreiheit");

export default function Barrierefreiheit() {
  return (
    <div className="prose">
      <h1>Erklärung zur Barrierefreiheit</h1>
      <p>
        Der Betreiber ist bemüht, diese Website im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und dem Gesetz des Landes
        Nordrhein-Westfalen zur Gleichstellung von Menschen mit Behinderung barrierefrei zugänglich zu machen. Maßstab ist die Norm EN 301 549, die
        für Websites auf den WCAG 2.1 in Stufe AA beruht.
      </p>
      <h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
      <p>
        Diese Website ist weitgehend mit der BITV 2.0 vereinbar. Jede Seite wird bei jeder Änderung automatisch mit axe-core auf die Regeln der WCAG 2.1
        A und AA geprüft; Formulare, Tastaturbedienung und Fokusführung werden in automatisierten Browsertests geprüft.
      </p>
      <h2>Nicht barrierefreie Inhalte</h2>
      <ul>
        <li>
          Eine vollständige manuelle Prüfung durch eine unabhängige Prüfstelle steht noch aus. Automatische Prüfungen finden nicht alle Barrieren.
        </li>
        <li>Einzelne Quellen (PDF-Dokumente anderer Stellen), auf die verlinkt wird, sind möglicherweise nicht barrierefrei.</li>
      </ul>
      <h2>Erstellung dieser Erklärung</h2>
      <p>Diese Erklärung wurde am 25.11.2026 auf Grundlage einer Selbstbewertung erstellt.</p>
      <h2>Barriere melden: Feedback und Kontakt</h2>
      <p>
        Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie an die im <Link to="/impressum">Impressum</Link> genannte Adresse
        (Betreff „Barriere melden“). Bitte nennen Sie die Seite und beschreiben Sie das Problem. Wir antworten innerhalb von zwei Wochen.
      </p>
      <h2>Schlichtungsverfahren</h2>
      <p>
        Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik
        des Landes Nordrhein-Westfalen bei der oder dem Landesbehindertenbeauftragten wenden. Das Schlichtungsverfahren ist kostenlos; Sie brauchen
        keinen Rechtsbeistand.
      </p>
    </div>
  );
}
