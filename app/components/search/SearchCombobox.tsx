// Header search box with as-you-type suggestions: the WAI-ARIA 1.2 combobox pattern (input role="combobox",
// a listbox popup, aria-activedescendant, Up/Down/Enter/Escape, a polite live region with the number of
// suggestions). Suggestions come from /api/suche?limit=6. Without JavaScript it is the plain GET form to /suche.
import { Form, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

type Hit = { typ: string; slug: string; url: string; title: string };

export const TYP_LABELS: Record<string, string> = {
  wissen: "Wissen",
  foerderung: "Förderprogramm",
  forum: "Forum",
  projekt: "Projekt",
  stadt: "Stadt",
  ankommen: "Ankommen",
  dokument: "Dokument",
  forderung: "Forderung",
};

export function SearchCombobox() {
  const id = useId().replace(/:/g, "");
  const inputId = "kopf-suche";
  const listId = `${id}-vorschlaege`;
  const navigate = useNavigate();
  const location = useLocation();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Close and reset after navigation.
  useEffect(() => {
    setOpen(false);
    setActive(-1);
  }, [location.pathname, location.search]);

  useEffect(() => () => {
    abort.current?.abort();
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function load(value: string) {
    if (timer.current) clearTimeout(timer.current);
    abort.current?.abort();
    if (value.trim().length < 2) {
      setHits([]);
      setOpen(false);
      setActive(-1);
      setStatus("");
      return;
    }
    timer.current = setTimeout(async () => {
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        const res = await fetch(`/api/suche?limit=6&q=${encodeURIComponent(value)}`, { signal: ctrl.signal, headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const body = (await res.json()) as { hits: Hit[] };
        setHits(body.hits);
        setActive(-1);
        setOpen(body.hits.length > 0);
        setStatus(body.hits.length === 0 ? "Keine Vorschläge." : `${body.hits.length} ${body.hits.length === 1 ? "Vorschlag" : "Vorschläge"} verfügbar. Mit Pfeiltasten auswählen.`);
      } catch {
        /* aborted or offline: the plain form still works */
      }
    }, 150);
  }

  function go(hit: Hit) {
    setOpen(false);
    setActive(-1);
    navigate(hit.url);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        if (hits.length === 0) return;
        e.preventDefault();
        setOpen(true);
        setActive((a) => (a + 1) % hits.length);
        break;
      case "ArrowUp":
        if (hits.length === 0) return;
        e.preventDefault();
        setOpen(true);
        setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
        break;
      case "Enter":
        if (open && active >= 0 && hits[active]) {
          e.preventDefault();
          go(hits[active]);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (q) {
          e.preventDefault();
          setQ("");
          setHits([]);
          setStatus("");
        }
        break;
    }
  }

  const expanded = open && hits.length > 0;
  return (
    <Form method="get" action="/suche" role="search" className="header-search" aria-label="Website durchsuchen">
      <label htmlFor={inputId} className="visually-hidden">
        Suchbegriff
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        placeholder="Suchen …"
        autoComplete="off"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          load(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onFocus={() => hits.length > 0 && q.trim().length >= 2 && setOpen(true)}
      />
      <button type="submit">Suchen</button>
      <ul id={listId} role="listbox" aria-label="Suchvorschläge" className="search-suggestions" hidden={!expanded}>
        {hits.map((h, i) => (
          <li
            key={`${h.typ}:${h.slug}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "search-suggestion is-active" : "search-suggestion"}
            onMouseDown={(e) => {
              e.preventDefault();
              go(h);
            }}
          >
            <span className="search-suggestion__title">{h.title}</span>{" "}
            <span className="search-suggestion__typ">{TYP_LABELS[h.typ] ?? h.typ}</span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
    </Form>
  );
}
