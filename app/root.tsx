import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, useEffect, useRef, type ReactNode } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router";
import appCss from "~/styles/app.css";
import { getUser } from "~/services/auth.server";
import { readFlash } from "~/services/flash.server";
import { useNonce } from "~/utils/nonce";
import { ROLES } from "~/utils/taxonomy";
import { SITE_NAME } from "~/utils/meta";
import { SearchCombobox } from "~/components/search/SearchCombobox";
import { countUnread } from "~/models/notification.server";
import { getDb } from "~/services/db.server";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

/** Only the error case needs the root's title; every route sets its own. */
export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: SITE_NAME }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${errorTexts(status, null).title} – ${SITE_NAME}` }];
};

function errorTexts(status: number, detail: unknown) {
  const text = typeof detail === "string" && detail && detail.length < 300 ? detail : null;
  switch (status) {
    case 404:
      return { title: "Seite nicht gefunden", text: "Diese Seite gibt es nicht (mehr). Prüfen Sie die Adresse oder nutzen Sie die Suche." };
    case 403:
      return { title: "Keine Berechtigung", text: text ?? "Sie haben keine Berechtigung für diese Seite." };
    case 400:
      return { title: "Ungültige Anfrage", text: text ?? "Die Anfrage konnte nicht verarbeitet werden." };
    case 429:
      return { title: "Zu viele Anfragen", text: text ?? "Bitte warten Sie einen Moment." };
    default:
      return {
        title: "Ein Fehler ist aufgetreten",
        text: "Bitte versuchen Sie es später noch einmal. Wenn der Fehler bleibt, melden Sie ihn bitte der Redaktion.",
      };
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // Without any cookie there is no flash message to read (saves deriving the cookie secret on every guest request).
  const flash = request.headers.has("Cookie") ? await readFlash(request) : { message: null, clear: null };
  return data(
    {
      user: user ? { name: user.name, role: user.role, roleLabel: ROLES[user.role], cityName: user.cityName } : null,
      unreadNotifications: user ? countUnread(getDb(), user.id) : 0,
      flash: flash.message,
      origin: new URL(request.url).origin,
    },
    flash.clear ? { headers: { "Set-Cookie": flash.clear } } : undefined,
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

const NAV = [
  { to: "/wissen", label: "Wissen" },
  { to: "/foerderung", label: "Förderung" },
  { to: "/forum", label: "Forum" },
  { to: "/projekte", label: "Projekte" },
  { to: "/forderungen", label: "Forderungen" },
  { to: "/ziele", label: "Ziele" },
  { to: "/staedte", label: "Städte" },
  { to: "/ankommen", label: "Ankommen" },
  { to: "/suche", label: "Suche" },
];

/** Title "Fehler: …" while the current page shows form errors (also without JavaScript). */
function useFormErrorTitle(): string | null {
  const state = useContext(UNSAFE_DataRouterStateContext);
  for (const d of Object.values(state?.actionData ?? {})) {
    const v = d as { ok?: boolean; title?: string; errors?: Record<string, string> } | undefined;
    if (v && v.ok === false && v.errors && Object.keys(v.errors).length > 0) return `Fehler: ${v.title ?? "Eingaben prüfen"} – ${SITE_NAME}`;
  }
  return null;
}

/**
 * After client-side navigation move focus to the new page's heading (or to an error summary, or to an element inside
 * main marked `data-focus-on-arrival`). Keyed on location.key so every navigation counts, and retried on the next
 * frame in case the new page's content was not yet committed or something else took focus meanwhile.
 */
function focusTarget(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>("[data-error-summary]") ??
    document.querySelector<HTMLElement>("main [data-focus-on-arrival]") ??
    document.querySelector<HTMLElement>("main h1") ??
    document.querySelector<HTMLElement>("main")
  );
}

function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const move = () => {
      const target = focusTarget();
      if (!target || document.activeElement === target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: false });
    };
    move();
    const frame = requestAnimationFrame(move);
    const timer = window.setTimeout(() => {
      // only correct a focus that fell back to <body> or stayed on the link that was clicked outside main (header,
      // navigation, phone menu), never one the user moved on within the new page
      const active = document.activeElement;
      if (!active || active === document.body || !active.closest("main")) move();
    }, 120);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [location.key]);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const errorTitle = useFormErrorTitle();
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {errorTitle ? <title>{errorTitle}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function AccountLinks({ idSuffix }: { idSuffix: string }) {
  const user = useRootData()?.user ?? null;
  const unread = useRootData()?.unreadNotifications ?? 0;
  const location = useLocation();
  if (!user) return <Link to={`/anmelden?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>Anmelden</Link>;
  return (
    <>
      <Link to="/benachrichtigungen" className="account-notifications">
        Benachrichtigungen
        {unread > 0 ? (
          <span className="notification-badge">
            {unread}
            <span className="visually-hidden"> ungelesen</span>
          </span>
        ) : null}
      </Link>
      <Link to="/konto/abos" className="account-abos">Abos und Lesezeichen</Link>
      <Link to="/konto" className="account-name">
        <span className="visually-hidden">Angemeldet als </span>
        {user.name}
        <span className="role-badge">{user.roleLabel}</span>
      </Link>
      <Form method="post" action="/abmelden" id={`abmelden-${idSuffix}`}>
        <button type="submit" className="link-button">
          Abmelden
        </button>
      </Form>
    </>
  );
}

function NavItems() {
  const user = useRootData()?.user ?? null;
  return (
    <ul>
      {NAV.map((n) => (
        <li key={n.to}>
          <NavLink to={n.to} prefetch="intent">
            {n.label}
          </NavLink>
        </li>
      ))}
      {user && user.role !== "mitglied" ? (
        <li>
          <NavLink to="/verwaltung">Verwaltung</NavLink>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Wide screens: brand, search, account line and the navigation bar. Below 40rem all of that except the brand sits in
 * one "Menü" button (a <details>, so it works without JavaScript); the wide parts are display:none there and vice
 * versa, so only one copy is ever in the accessibility tree. Decision 018.
 */
function Header() {
  const user = useRootData()?.user ?? null;
  const location = useLocation();
  const menuRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false;
  }, [location.key]);
  // A marker that the page is hydrated (client-side navigation is in charge from now on); tests wait for it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            SN
          </span>
          <span>{SITE_NAME}</span>
        </Link>
        <div className="wide-only header-search-slot">
          <SearchCombobox />
        </div>
        <div className="account wide-only">
          <AccountLinks idSuffix="breit" />
        </div>
        <details className="phone-menu" ref={menuRef}>
          <summary>
            Menü
            {user ? <span className="visually-hidden"> (angemeldet als {user.name})</span> : null}
          </summary>
          <div className="phone-menu__panel">
            <form method="get" action="/suche" role="search" aria-label="Website durchsuchen (Menü)" className="phone-menu__search">
              <label htmlFor="menu-suche" className="visually-hidden">
                Suchbegriff
              </label>
              <input id="menu-suche" type="search" name="q" maxLength={200} placeholder="Suchen …" />
              <button type="submit">Suchen</button>
            </form>
            <nav aria-label="Menü">
              <NavItems />
            </nav>
            <div className="phone-menu__account">
              <AccountLinks idSuffix="menue" />
            </div>
          </div>
        </details>
      </div>
      <nav aria-label="Hauptnavigation" className="main-nav wide-only">
        <NavItems />
      </nav>
    </header>
  );
}

function Footer() {
  return (
    <footer className="site-footer">
      <p>
        {SITE_NAME} – Online-Fachforum und Entwicklungsdatenbank der Städte mit Zuwanderung aus Bulgarien und Rumänien, nach dem Handlungsrahmen
        von KOMM-IN NRW (2013).
      </p>
      <nav aria-label="Rechtliches">
        <ul>
          <li>
            <Link to="/impressum">Impressum</Link>
          </li>
          <li>
            <Link to="/datenschutz">Datenschutz</Link>
          </li>
          <li>
            <Link to="/barrierefreiheit">Barrierefreiheit</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}

function StatusRegion() {
  const flash = useRootData()?.flash ?? null;
  const navigation = useNavigation();
  return (
    <div role="status" aria-live="polite" className={flash ? "status-message" : "visually-hidden"}>
      {flash ?? (navigation.state === "loading" ? "Seite wird geladen …" : "")}
    </div>
  );
}

/** A thin bar at the top while a navigation or submission runs (CSS animation, still under reduced motion). */
function LoadingBar() {
  const navigation = useNavigation();
  return <div className={navigation.state === "idle" ? "loading-bar" : "loading-bar is-loading"} aria-hidden="true" />;
}

function PrintUrl() {
  const location = useLocation();
  const origin = useRootData()?.origin ?? "";
  return <>{origin + location.pathname + location.search}</>;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#inhalt" className="skip-link">
        Zum Inhalt springen
      </a>
      <LoadingBar />
      <p className="print-header" aria-hidden="true">
        {SITE_NAME} · <PrintUrl />
      </p>
      <Header />
      <main id="inhalt" tabIndex={-1}>
        <StatusRegion />
        {children}
      </main>
      <Footer />
    </>
  );
}

export default function App() {
  useFocusOnNavigation();
  return (
    <Frame>
      <Outlet />
    </Frame>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, text } = errorTexts(status, isRouteErrorResponse(error) ? error.data : null);
  return (
    <Frame>
      <div className="error-page">
        <h1>{title}</h1>
        <p>{text}</p>
        <p className="muted">Statuscode {status}</p>
        <p>
          <Link to="/">Zur Startseite</Link> · <Link to="/suche">Zur Suche</Link>
        </p>
      </div>
    </Frame>
  );
}
