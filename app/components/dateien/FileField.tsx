import { useContext, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import { TextField } from "~/components/ui/form";
import { FILE_ACCEPT, FILE_FIELD, FILE_HINT, MAX_FILES_PER_SUBMIT, formatFileSize } from "~/utils/dateien";
import type { FieldErrors } from "~/utils/forms";
import { DropContext } from "./drop-context";

/**
 * The plain file input of a form that accepts attachments (`multiple`, works without JavaScript; the form needs
 * `encType="multipart/form-data"`). With JavaScript, files dropped onto the surrounding <FileDropZone> are added
 * to this same input, and the chosen files are listed below it (announced politely).
 */
export function FileField({ errors, label = "Dateien anhängen (optional)", hint = FILE_HINT }: { errors?: FieldErrors | null; label?: ReactNode; hint?: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const input = () => box.current?.querySelector<HTMLInputElement>("input[type=file]") ?? null;
  const drop = useContext(DropContext);
  const [chosen, setChosen] = useState<{ name: string; size: number }[]>([]);
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  useEffect(() => {
    if (!drop) return;
    drop.register((files) => {
      const el = input();
      if (!el || files.length === 0) return;
      const dt = new DataTransfer();
      for (const f of Array.from(el.files ?? [])) dt.items.add(f);
      for (const f of files) if (dt.files.length < MAX_FILES_PER_SUBMIT) dt.items.add(f);
      el.files = dt.files;
      setChosen(Array.from(el.files).map((f) => ({ name: f.name, size: f.size })));
    });
    return () => drop.register(null);
  }, [drop]);
  const onChange = () => setChosen(Array.from(input()?.files ?? []).map((f) => ({ name: f.name, size: f.size })));
  return (
    <div className="file-field" ref={box}>
      <TextField type="file" name={FILE_FIELD} label={label} hint={js ? <>{hint} Sie können Dateien auch auf dieses Formular ziehen.</> : hint} errors={errors} multiple accept={FILE_ACCEPT} onChange={onChange} />
      <div aria-live="polite" className="file-field-chosen">
        {chosen.length > 0 ? (
          <>
            <p className="muted">Ausgewählt ({chosen.length}):</p>
            <ul>
              {chosen.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name} ({formatFileSize(f.size)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Wraps a form's fields: with JavaScript, files dropped anywhere on it go into its <FileField>. */
export function useFileDrop() {
  const target = useRef<((files: File[]) => void) | null>(null);
  const [over, setOver] = useState(false);
  const ctx = useMemo(
    () => ({
      register: (fn: ((files: File[]) => void) | null) => {
        target.current = fn;
      },
    }),
    [],
  );
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");
  return {
    context: ctx,
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!target.current || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (e.currentTarget === e.target) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!target.current || !hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        target.current(Array.from(e.dataTransfer.files));
      },
    },
  };
}
