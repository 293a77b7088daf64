import { Form } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { TextArea } from "~/components/ui/form";
import { IdempotencyField, useSubmittingKey } from "~/components/ui/IdempotencyField";
import type { FieldErrors } from "~/utils/forms";
import { FileField, useFileDrop } from "~/components/dateien/FileField";
import { DropContext } from "~/components/dateien/drop-context";
import { useMentionSuggest } from "./MentionSuggest";

export type Finding = { kind: string; label: string; excerpt: string };

/** Personal-data warning with the confirmation the author needs to publish anyway. */
export function PersonalDataWarning({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <div className="notice forum-pd-warning" role="alert" aria-labelledby="pd-titel">
      <h2 id="pd-titel">Enthält Ihr Beitrag Angaben zu einer Person?</h2>
      <p>Wir haben Hinweise auf persönliche Falldaten gefunden. Bitte anonymisieren Sie den Beitrag, bevor Sie ihn veröffentlichen:</p>
      <ul>
        {findings.map((f) => (
          <li key={f.kind}>
            <strong>{f.label}</strong>: „{f.excerpt}“
          </li>
        ))}
      </ul>
      <div className="checkbox">
        <input type="checkbox" id="feld-trotzdem" name="trotzdem" value="1" />
        <label htmlFor="feld-trotzdem">Ich habe den Beitrag geprüft: Trotzdem veröffentlichen</label>
      </div>
    </div>
  );
}

export const COMPOSER_HINT = "Markdown: **fett**, *kursiv*, > Zitat, Listen mit -, Links zu [[artikel-slug]] oder /wissen/… und /foerderung/… (mit Vorschau). Erwähnen: @ und der Name in Kleinbuchstaben mit Bindestrichen, z. B. @mia-mitglied-dortmund-demo. Bitte keine Falldaten (Namen mit Anschrift, Geburtsdaten, Gesundheitsangaben, Versicherungsnummern).";

export function Composer({
  children,
  errors,
  findings,
  defaultValue,
  submitLabel,
  intent,
  label = "Ihr Beitrag",
  hidden,
  idempotencyKey,
  draftButton,
  autosaveTopicId,
  files,
  mentions,
  preview,
  previewNote,
}: {
  children?: ReactNode;
  errors: FieldErrors | null;
  findings: Finding[];
  defaultValue: string;
  submitLabel: string;
  intent: string;
  label?: string;
  hidden?: Record<string, string | number>;
  /** create forms: the loader's key (one submit, one record). A new key after success remounts the form, so the composer is empty. */
  idempotencyKey?: string;
  /** show "Entwurf speichern" (submits entwurf=1: the route saves a server-side draft instead of publishing) */
  draftButton?: boolean;
  /** with JS: autosave the text (debounced) as this topic's draft via /api/forum/entwurf */
  autosaveTopicId?: number;
  /** accept attachments: a file input (multipart form, works without JS) plus drag and drop onto the form with JS */
  files?: boolean;
  /** with JS: @mention autocomplete on the textarea (members from /api/forum/mitglieder) */
  mentions?: boolean;
  /**
   * The rendered preview from the page's action ("Vorschau" button, works without JS); undefined: the composer has
   * no preview at all. With JS the preview also follows the text (debounced, rendered by /api/forum/vorschau).
   */
  preview?: string | null;
  previewNote?: string;
}) {
  const mention = useMentionSuggest({ enabled: !!mentions });
  const hasPreview = preview !== undefined;
  const previewId = `${useId().replace(/:/g, "")}-vorschau`;
  const [hydrated, setHydrated] = useState(false);
  const [live, setLive] = useState<string | null>(null);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const previewAbort = useRef<AbortController | null>(null);
  useEffect(() => setHydrated(true), []);
  // a new form (after publishing) starts without the old live preview; a fresh action preview replaces it
  useEffect(() => setLive(null), [idempotencyKey, preview]);
  useEffect(() => () => {
    if (previewTimer.current) clearTimeout(previewTimer.current);
    previewAbort.current?.abort();
  }, []);
  const schedulePreview = (raw: string) => {
    if (previewTimer.current) clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => {
      previewAbort.current?.abort();
      const ctrl = new AbortController();
      previewAbort.current = ctrl;
      const body = new FormData();
      body.set("raw", raw);
      fetch("/api/forum/vorschau", { method: "POST", body, credentials: "same-origin", signal: ctrl.signal })
        .then(async (r) => {
          if (r.ok) setLive(((await r.json()) as { html: string }).html);
        })
        .catch(() => {
          /* aborted or offline: the "Vorschau" button still works */
        });
    }, 600);
  };
  const previewHtml = live ?? preview ?? null;
  const showPreview = hasPreview && (previewHtml !== null || hydrated);
  const drop = useFileDrop();
  const busy = useSubmittingKey(idempotencyKey ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [saved, setSaved] = useState("");
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const onInput = (e: React.FormEvent<HTMLFormElement>) => {
    const field = e.target as HTMLTextAreaElement;
    if (field.name !== "raw") return;
    if (hasPreview) schedulePreview(field.value);
    if (autosaveTopicId) autosave(field);
  };
  const autosave = (field: HTMLTextAreaElement) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const body = new FormData();
      body.set("themaId", String(autosaveTopicId));
      body.set("raw", field.value);
      fetch("/api/forum/entwurf", { method: "POST", body, credentials: "same-origin" })
        .then((r) => setSaved(r.ok ? "Entwurf automatisch gespeichert." : ""))
        .catch(() => setSaved(""));
    }, 1500);
  };
  return (
    <Form
      method="post"
      noValidate
      className={`forum-composer${files && drop.over ? " forum-composer--drop" : ""}`}
      key={idempotencyKey}
      onInput={autosaveTopicId || hasPreview ? onInput : undefined}
      encType={files ? "multipart/form-data" : undefined}
      {...(files ? drop.handlers : {})}
    >
      <input type="hidden" name="intent" value={intent} />
      {idempotencyKey ? <IdempotencyField value={idempotencyKey} /> : null}
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <div className="mention-field">
        <TextArea name="raw" label={label} rows={8} required errors={errors} defaultValue={defaultValue} hint={COMPOSER_HINT} {...mention.fieldProps} />
        {mention.popup}
      </div>
      {files ? (
        <DropContext.Provider value={drop.context}>
          <FileField errors={errors} />
        </DropContext.Provider>
      ) : null}
      {showPreview ? (
        <section className="forum-preview-box" aria-labelledby={previewId} aria-live="polite">
          <p id={previewId} className="forum-preview-box__title">
            Vorschau
          </p>
          {previewNote && live === null ? <p className="muted">{previewNote}</p> : null}
          {previewHtml ? (
            <div className="prose forum-post-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
          ) : (
            <p className="muted">Die Vorschau erscheint hier, sobald Sie schreiben.</p>
          )}
        </section>
      ) : null}
      <PersonalDataWarning findings={findings} />
      <button type="submit" disabled={busy} aria-disabled={busy || undefined}>
        {submitLabel}
      </button>
      {hasPreview ? (
        <button type="submit" name="vorschau" value="1" className="secondary">
          Vorschau
        </button>
      ) : null}
      {draftButton ? (
        <button type="submit" name="entwurf" value="1" className="secondary">
          Entwurf speichern
        </button>
      ) : null}
      {saved ? <p className="muted forum-draft-saved">{saved}</p> : null}
    </Form>
  );
}
