import { createContext, useContext, useEffect, useRef, type InputHTMLAttributes, type MouseEvent, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { errorId, fieldId, type FieldErrors } from "~/utils/forms";

/**
 * Field ids are unique per form instance: wrap a form in <FieldScope prefix="…"> when the same field name appears in
 * more than one form on a page (e.g. two "note" textareas → feld-clearing-note, feld-mod-note). The error summary
 * inside the scope links to the scoped ids.
 */
const FieldScopeContext = createContext("");
export function FieldScope({ prefix, children }: { prefix: string; children: ReactNode }) {
  return <FieldScopeContext.Provider value={prefix}>{children}</FieldScopeContext.Provider>;
}
const scoped = (p: string, name: string) => (p ? `${p}-${name}` : name);

/**
 * With JavaScript, move focus to the field without a history entry: a fragment navigation would make the router
 * re-navigate and drop the action data (and with it the error messages). Without JavaScript the plain anchor works.
 */
function focusField(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: "center" });
}

/** Error summary at the top of a form: takes focus, links to each field (GOV.UK pattern). */
export function ErrorSummary({ errors, labels = {} }: { errors?: FieldErrors | null; labels?: Record<string, string> }) {
  const p = useContext(FieldScopeContext);
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length === 0) return;
    ref.current?.focus();
    if (!document.title.startsWith("Fehler:")) document.title = `Fehler: ${document.title}`;
  });
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="fehler-titel" tabIndex={-1} ref={ref} data-error-summary="">
      <h2 id="fehler-titel">Bitte korrigieren Sie {entries.length === 1 ? "die folgende Angabe" : `die folgenden ${entries.length} Angaben`}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {name === "_form" ? (
              message
            ) : (
              <a href={`#${fieldId(scoped(p, name))}`} onClick={(e) => focusField(e, fieldId(scoped(p, name)))}>
                {labels[name] ? `${labels[name]}: ` : ""}
                {message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: ReactNode;
  errors?: FieldErrors | null;
  hint?: ReactNode;
};

function describedBy(p: string, name: string, error?: string, hint?: ReactNode) {
  return [hint ? `${fieldId(scoped(p, name))}-hinweis` : null, error ? errorId(scoped(p, name)) : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ name, label, hint, error, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  const p = useContext(FieldScopeContext);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId(scoped(p, name))}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId(scoped(p, name))}-hinweis`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId(scoped(p, name))}>
          <span className="visually-hidden">Fehler: </span>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function TextField({ name, label, errors, hint, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const p = useContext(FieldScopeContext);
  const error = errors?.[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input id={fieldId(scoped(p, name))} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(p, name, error, hint)} {...rest} />
    </FieldShell>
  );
}

export function TextArea({ name, label, errors, hint, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const p = useContext(FieldScopeContext);
  const error = errors?.[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <textarea id={fieldId(scoped(p, name))} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(p, name, error, hint)} {...rest} />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  options,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const p = useContext(FieldScopeContext);
  const error = errors?.[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select id={fieldId(scoped(p, name))} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(p, name, error, hint)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * A group of checkboxes with legend, optional hint and an error linked to the group. The first checkbox carries the
 * field id, so the error summary link moves focus into the group.
 */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  errors,
  hint,
}: {
  name: string;
  legend: ReactNode;
  options: { value: string; label: string }[] | Record<string, string>;
  checked: string[];
  errors?: FieldErrors | null;
  hint?: ReactNode;
}) {
  const p = useContext(FieldScopeContext);
  const error = errors?.[name];
  const list = Array.isArray(options) ? options : Object.entries(options).map(([value, label]) => ({ value, label }));
  return (
    <fieldset className={`checkbox-group${error ? " field--error" : ""}`} aria-describedby={describedBy(p, name, error, hint)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${fieldId(scoped(p, name))}-hinweis`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId(scoped(p, name))}>
          <span className="visually-hidden">Fehler: </span>
          {error}
        </p>
      ) : null}
      <div className="checkbox-columns">
        {list.map((o, i) => {
          const id = i === 0 ? fieldId(scoped(p, name)) : `${fieldId(scoped(p, name))}-${o.value}`;
          return (
            <div className="checkbox" key={o.value}>
              <input type="checkbox" id={id} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
