import type { MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/utils/meta";
import { EXPORT_ZIP_MAX_LABEL } from "~/utils/dateien";

export const meta: MetaFunction = () => titleMeta("Datenschutz");

export default function Datenschutz() {
  return (
    <div className="prose">
      <h1>Datenschutzerklärung</h1>
      <p>
        Diese Website ist das geschlossene Fachnetzwerk des Städtenetzes Südosteuropa. Wir verarbeiten nur die Daten, die für den Betrieb nötig sind.
        Es gibt keine Analyse- oder Werbedienste, keine eingebundenen Schriften oder Skripte fremder Anbieter und keine Weitergabe an Dritte.
      </p>
      <h2>Verantwortliche Stelle</h2>
      <p>Siehe Impressum (vom Betreiber auszufüllen), einschließlich der Kontaktdaten der oder des Datenschutzbeauftragten.</p>

      <h2>Welche Daten, wozu, wie lange</h2>
      <div className="table-wrap">
        <table className="stack-cards">
          <thead>
            <tr>
              <th scope="col">Daten</th>
              <th scope="col">Zweck und Rechtsgrundlage</th>
              <th scope="col">Speicherdauer</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-label="Daten">Konto: E-Mail-Adresse, Name, Rolle, Stadt, Passwort (nur als argon2id-Hash)</td>
              <td data-label="Zweck und Rechtsgrundlage">Zugang zum geschlossenen Netzwerk; Art. 6 Abs. 1 lit. e DSGVO (Aufgabe im öffentlichen Interesse) bzw. lit. b</td>
              <td data-label="Speicherdauer">bis zur Löschung des Kontos</td>
            </tr>
            <tr>
              <td data-label="Daten">Sitzungs-Cookie „sn_session“ (technisch notwendig, ohne Einwilligung)</td>
              <td data-label="Zweck und Rechtsgrundlage">Angemeldet bleiben; Art. 6 Abs. 1 lit. e DSGVO, § 25 Abs. 2 TDDDG</td>
              <td data-label="Speicherdauer">bis zum Schließen des Browsers bzw. Abmelden, serverseitig höchstens 30 Tage</td>
            </tr>
            <tr>
              <td data-label="Daten">Beiträge im Forum, Vorschläge, Projekteinträge</td>
              <td data-label="Zweck und Rechtsgrundlage">Fachlicher Austausch der Städte</td>
              <td data-label="Speicherdauer">solange das Netzwerk besteht; bei Kontolöschung werden sie „ehemaliges Mitglied“ zugeordnet</td>
            </tr>
            <tr>
              <td data-label="Daten">Hochgeladene Dateien (Name, Typ, Größe, Zeitpunkt, wer sie hochgeladen hat); bei Bildern entfernen wir beim Hochladen Metadaten wie den Aufnahmeort (GPS)</td>
              <td data-label="Zweck und Rechtsgrundlage">Dokumente zu Beiträgen, Projekten, Artikeln und Förderprogrammen teilen</td>
              <td data-label="Speicherdauer">
                solange der Beitrag oder Eintrag besteht; bei Kontolöschung werden Dateien an Forenbeiträgen und Projekten gelöscht, Dateien an
                Artikeln und Förderprogrammen behält die Redaktion und ordnet sie „ehemaliges Mitglied“ zu
              </td>
            </tr>
            <tr>
              <td data-label="Daten">Protokoll von Änderungen (wer, was, wann)</td>
              <td data-label="Zweck und Rechtsgrundlage">Nachvollziehbarkeit redaktioneller und administrativer Änderungen</td>
              <td data-label="Speicherdauer">3 Jahre</td>
            </tr>
            <tr>
              <td data-label="Daten">Server-Protokoll: Methode, Pfad ohne Suchanfrage, Status, Dauer – keine IP-Adressen</td>
              <td data-label="Zweck und Rechtsgrundlage">Betrieb und Fehlersuche</td>
              <td data-label="Speicherdauer">14 Tage</td>
            </tr>
            <tr>
              <td data-label="Daten">IP-Adresse im Arbeitsspeicher für Anmelde- und Anfragebegrenzung</td>
              <td data-label="Zweck und Rechtsgrundlage">Schutz vor Passwort-Rateangriffen; Art. 6 Abs. 1 lit. e DSGVO</td>
              <td data-label="Speicherdauer">höchstens eine Stunde, nur im Arbeitsspeicher</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2>Keine Falldaten</h2>
      <p>
        Bitte schreiben Sie keine Daten über Klientinnen und Klienten in das Forum (Namen mit Adresse, Geburtsdaten, Gesundheitsangaben,
        Versicherungs- oder Ausweisnummern). Das Forum warnt vor dem Absenden, wenn ein Beitrag solche Angaben zu enthalten scheint.
      </p>

      <h2>Ihre Rechte nach der DSGVO</h2>
      <ul>
        <li>
          Auskunft (Art. 15) und Datenübertragbarkeit (Art. 20) – unter „Mein Konto“ können Sie Ihre Daten als JSON-Datei herunterladen, oder als ZIP-Datei
          zusammen mit allen Dateien, die Sie hochgeladen haben (bis {EXPORT_ZIP_MAX_LABEL} je Export; darüber hinaus auf Anfrage), oder die Redaktion fragen.
        </li>
        <li>Berichtigung (Art. 16) – Namen und Passwort ändern Sie selbst unter „Mein Konto“.</li>
        <li>Löschung (Art. 17) und Einschränkung der Verarbeitung (Art. 18).</li>
        <li>Datenübertragbarkeit (Art. 20).</li>
        <li>Widerspruch (Art. 21) gegen Verarbeitungen im öffentlichen Interesse.</li>
        <li>Beschwerde bei einer Datenschutzaufsichtsbehörde (Art. 77), in NRW bei der Landesbeauftragten für Datenschutz und Informationsfreiheit.</li>
      </ul>
    </div>
  );
}
