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
  const flash = await readFlash(request);
  return data(
    {
      user: user ? { name: user.name, role: user.role, roleLabel: ROLES[user.role], cityName: user.cityName } : null,
      unreadNotifications: user ? countUnread(getDb(), user.id) : 0,
      flash: flash.message,
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

/** After client-side navigation move focus to an error summary, else to an element marked `data-focus-on-arrival` in main (e.g. a just-published post), else to the page's heading. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target =
      document.querySelector<HTMLElement>("[data-error-summary]") ??
      document.querySelector<HTMLElement>("main [data-focus-on-arrival]") ??
      document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
  }, [location.pathname, location.search]);
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

function Header() {
  const user = useRootData()?.user ?? null;
  const unread = useRootData()?.unreadNotifications ?? 0;
  const location = useLocation();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            SN
          </span>
          <span>{SITE_NAME}</span>
        </Link>
        <SearchCombobox />
        <div className="account">
          {user ? (
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
              <Link to="/konto" className="account-name">
                <span className="visually-hidden">Angemeldet als </span>
                {user.name}
                <span className="role-badge">{user.roleLabel}</span>
              </Link>
              <Form method="post" action="/abmelden">
                <button type="submit" className="link-button">
                  Abmelden
                </button>
              </Form>
            </>
          ) : (
            <Link to={`/anmelden?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>Anmelden</Link>
          )}
        </div>
      </div>
      <nav aria-label="Hauptnavigation" className="main-nav">
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

function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#inhalt" className="skip-link">
        Zum Inhalt springen
      </a>
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
