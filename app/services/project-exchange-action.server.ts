// The exchange buttons of a project (project page and "Passende Städte"): start the discussion, show or withdraw
// interest, activate the partner search. One handler so both pages behave the same; plain forms, no JS needed.
import { redirect } from "@remix-run/node";
import { enablePartnerSearch, type ProjectDetail } from "~/models/project.server";
import { expressInterest, startDiscussion, withdrawInterest } from "~/models/project-exchange.server";
import { forbidden, toViewer, type SessionUser } from "~/services/auth.server";
import type { DB } from "~/services/db.server";
import { kickMailDelivery } from "~/services/mail.server";
import { flashHeader } from "~/services/flash.server";
import { limiter, retryAfter } from "~/services/rate-limit.server";
import { can } from "~/services/permissions";

export const EXCHANGE_INTENTS = ["diskussion", "interesse", "interesse-zurueck", "partnersuche"] as const;
export type ExchangeIntent = (typeof EXCHANGE_INTENTS)[number];
export const isExchangeIntent = (v: unknown): v is ExchangeIntent => typeof v === "string" && (EXCHANGE_INTENTS as readonly string[]).includes(v);

const exchangeLimit = limiter("project-exchange", 30, 10 * 60_000);

export async function handleExchangeIntent(db: DB, user: SessionUser, p: ProjectDetail, intent: ExchangeIntent, back: string) {
  const viewer = toViewer(user);
  const resource = { cityId: p.lead?.id ?? null, partnerCityIds: p.partners.map((c) => c.id) };
  const wait = exchangeLimit.hit(user.id);
  if (wait > 0) throw new Response("Zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.", { status: 429, headers: retryAfter(wait) });
  const done = async (url: string, message: string) => redirect(url, { headers: { "Set-Cookie": await flashHeader(message) } });
  switch (intent) {
    case "diskussion": {
      if (!can(viewer, "project.discuss", resource)) forbidden("Diskussionen starten angemeldete Mitglieder.");
      const { topicId } = startDiscussion(db, p.id, { id: user.id, name: user.name, role: user.role, cityId: user.cityId });
      kickMailDelivery(db);
      return done(`/projekte/${p.slug}#diskussion`, `Die Diskussion zum Projekt ist eröffnet (Thema ${topicId}).`);
    }
    case "interesse": {
      if (user.cityId == null || !can(viewer, "project.interest", resource))
        forbidden("Interesse an Zusammenarbeit melden die Koordinierenden anderer Städte.");
      const r = expressInterest(db, p.id, { id: user.id, cityId: user.cityId! });
      kickMailDelivery(db);
      return done(`${back}#interesse`, r === "schon" ? "Ihre Stadt hat ihr Interesse bereits gemeldet." : "Ihr Interesse an Zusammenarbeit ist gemeldet.");
    }
    case "interesse-zurueck": {
      if (user.cityId == null || user.role !== "koordination") forbidden("Das Interesse ziehen die Koordinierenden der Stadt zurück.");
      withdrawInterest(db, p.id, { id: user.id, cityId: user.cityId! });
      return done(`${back}#interesse`, "Das Interesse Ihrer Stadt ist zurückgezogen.");
    }
    case "partnersuche": {
      if (!can(viewer, "project.edit", resource)) forbidden("Die Partnersuche aktivieren die Koordinierenden der federführenden Stadt und die Redaktion.");
      enablePartnerSearch(db, user.id, p.id);
      return done(`/projekte/${p.slug}/passende-staedte`, "Die Partnersuche ist aktiviert.");
    }
  }
}
