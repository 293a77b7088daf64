import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type Dependency = { label: string; count: number };

/**
 * The confirmation step of a destructive action (issue 11): names what depends on the record, says what will
 * happen, and asks for one more explicit click. A plain POST form, so it works without JavaScript.
 */
export function ConfirmDelete({
  title,
  dependencies,
  consequence,
  confirmLabel,
  cancelTo,
  refused,
  children,
}: {
  title: string;
  dependencies: Dependency[];
  consequence: ReactNode;
  confirmLabel: string;
  cancelTo: string;
  /** when set, the action is not possible: the reason is shown instead of the confirm button */
  refused?: ReactNode;
  children?: ReactNode;
}) {
  const present = dependencies.filter((d) => d.count > 0);
  return (
    <section aria-labelledby="bestaetigen-titel" className="confirm-delete">
      <h1 id="bestaetigen-titel">{title}</h1>
      <h2>Was daran hängt</h2>
      {present.length === 0 ? (
        <p>Nichts: Es gibt keine Einträge, die davon abhängen.</p>
      ) : (
        <ul>
          {present.map((d) => (
            <li key={d.label}>
              <strong>{d.count}</strong> {d.label}
            </li>
          ))}
        </ul>
      )}
      {refused ? (
        <div className="notice" role="note">
          {refused}
        </div>
      ) : (
        <>
          <div className="notice">{consequence}</div>
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            {children}
            <button type="submit" className="danger">
              {confirmLabel}
            </button>{" "}
            <Link to={cancelTo} className="button secondary">
              Abbrechen
            </Link>
          </Form>
        </>
      )}
      {refused ? (
        <p>
          <Link to={cancelTo}>Zurück zur Übersicht</Link>
        </p>
      ) : null}
    </section>
  );
}
