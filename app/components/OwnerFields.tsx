// Owner / deputy pickers (Redaktion users) and the review-mode notice, shared by the article and programme
// editors. Values are user ids; "" means the Redaktion team (owner) or no deputy.
import { SelectField } from "~/components/ui/form";
import type { FieldErrors } from "~/utils/forms";

export type OwnerOption = { id: string; name: string };

export function OwnerFields({ users, ownerId, deputyId, errors }: { users: OwnerOption[]; ownerId: string; deputyId: string; errors: FieldErrors | null }) {
  const people = users.map((u) => ({ value: u.id, label: u.name }));
  return (
    <fieldset className="owner-fields">
      <legend>Zuständigkeit für die Prüfung</legend>
      <SelectField
        name="ownerId"
        label="Verantwortlich"
        hint="Erhält die Erinnerungen 30 Tage vor dem Prüfdatum und bei Überfälligkeit. „Redaktion (Team)“: alle in der Redaktion."
        options={[{ value: "", label: "Redaktion (Team)" }, ...people]}
        defaultValue={ownerId}
        errors={errors}
      />
      <SelectField
        name="deputyId"
        label="Vertretung"
        hint="Wird statt der verantwortlichen Person erinnert, wenn deren Konto gesperrt ist."
        options={[{ value: "", label: "keine Vertretung" }, ...people]}
        defaultValue={deputyId}
        errors={errors}
      />
    </fieldset>
  );
}

/** Shown in the editor opened from "Meine Prüfungen" ("geprüft, aktualisiert"). */
export function ReviewModeNotice({ months }: { months: number }) {
  return (
    <p className="notice">
      <input type="hidden" name="pruefung" value="1" />
      Prüfung: Beim Speichern werden „Stand“ auf heute und „Prüfen bis“ auf heute + {months} Monate gesetzt; Ihr Grund der Änderung wird mit der
      Version gespeichert.
    </p>
  );
}
