// @mention autocomplete for the composer's textarea (with JS): typing "@mi" offers up to 8 members from
// /api/forum/mitglieder. The combobox pattern of WAI-ARIA 1.2 as far as a multi-line field allows it: the
// textarea keeps its textbox role (ARIA in HTML allows no other role on <textarea>, and aria-expanded is not
// allowed on a textbox), and carries aria-autocomplete="list", aria-controls and aria-activedescendant; the
// popup is a listbox with options; Up/Down move, Enter or a click inserts "@handle ", Escape closes; a polite
// live region says how many suggestions there are. Without JS the textarea is a plain textarea.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from "react";

export type MemberSuggestion = { handle: string; name: string; city: string | null };

/** The "@…" being typed right before the caret, or null. Same start rule as the server's mentions. */
export function mentionQuery(text: string, caret: number): { start: number; q: string } | null {
  const m = /(^|[\s(>])@([\p{L}\p{N}-]{0,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2].length - 1, q: m[2] };
}

export function useMentionSuggest(opts: { enabled: boolean }) {
  const listId = `${useId().replace(/:/g, "")}-erwaehnungen`;
  const field = useRef<HTMLTextAreaElement | null>(null);
  const token = useRef<{ start: number; q: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [hits, setHits] = useState<MemberSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");

  useEffect(() => () => {
    abort.current?.abort();
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function update(el: HTMLTextAreaElement) {
    field.current = el;
    const t = el.selectionStart === el.selectionEnd ? mentionQuery(el.value, el.selectionStart) : null;
    const same = t && token.current && t.start === token.current.start && t.q === token.current.q;
    token.current = t;
    if (!t) {
      if (timer.current) clearTimeout(timer.current);
      abort.current?.abort();
      if (open) close();
      setStatus("");
      return;
    }
    if (same) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      abort.current?.abort();
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const res = await fetch(`/api/forum/mitglieder?q=${encodeURIComponent(t.q)}`, { signal: ctrl.signal, headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!res.ok) return;
        const body = (await res.json()) as { members: MemberSuggestion[] };
        setHits(body.members);
        setActive(-1);
        setOpen(body.members.length > 0);
        setStatus(
          body.members.length === 0
            ? "Keine passenden Mitglieder."
            : `${body.members.length} ${body.members.length === 1 ? "Mitglied" : "Mitglieder"} zum Erwähnen. Mit Pfeiltasten auswählen, Eingabetaste übernimmt.`,
        );
      } catch {
        /* aborted or offline: typing the handle by hand still works */
      }
    }, 150);
  }

  function insert(m: MemberSuggestion) {
    const el = field.current;
    const t = token.current;
    close();
    if (!el || !t) return;
    const before = el.value.slice(0, t.start);
    const after = el.value.slice(el.selectionStart).replace(/^[\p{L}\p{N}-]+/u, "");
    const text = `@${m.handle} `;
    el.value = `${before}${text}${after}`;
    const caret = before.length + text.length;
    el.setSelectionRange(caret, caret);
    el.focus();
    token.current = null;
    setStatus(`${m.name} erwähnt.`);
    // autosave and the live preview listen to input events
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || hits.length === 0) return;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        setActive((a) => (a + 1) % hits.length);
        break;
      case "ArrowUp":
        e.preventDefault();
        setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
        break;
      case "Enter":
        if (active >= 0 && hits[active]) {
          e.preventDefault();
          insert(hits[active]);
        }
        break;
      case "Escape":
        e.preventDefault();
        e.stopPropagation();
        close();
        break;
    }
  }

  const onCaret = (e: SyntheticEvent<HTMLTextAreaElement>) => update(e.currentTarget);
  const expanded = opts.enabled && open && hits.length > 0;

  const fieldProps = opts.enabled
    ? {
        "aria-autocomplete": "list" as const,
        "aria-controls": listId,
        "aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
        onKeyDown,
        onInput: onCaret,
        onKeyUp: (e: KeyboardEvent<HTMLTextAreaElement>) => {
          if (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End") update(e.currentTarget);
        },
        onClick: onCaret,
        onBlur: () => setTimeout(close, 150),
      }
    : {};

  const popup = opts.enabled ? (
    <>
      <ul id={listId} role="listbox" aria-label="Mitglieder zum Erwähnen" className="mention-suggestions" hidden={!expanded}>
        {hits.map((m, i) => (
          <li
            key={m.handle}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "mention-suggestion is-active" : "mention-suggestion"}
            onMouseDown={(e) => {
              e.preventDefault();
              insert(m);
            }}
          >
            <span className="mention-suggestion__name">{m.name}</span>
            {m.city ? <span className="mention-suggestion__city"> ({m.city})</span> : null}{" "}
            <span className="mention-suggestion__handle">@{m.handle}</span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
    </>
  ) : null;

  return { fieldProps, popup };
}
