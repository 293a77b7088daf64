// The one place that answers "may this user do that?" (DESIGN.md roles). Pure and isomorphic: loaders and
// actions call it on the server; components may call it only to hide buttons the server would refuse anyway.
import type { Role } from "~/utils/taxonomy";

export type Viewer = { id: string; role: Role; cityId: number | null } | null;

/** What the viewer may read: used by list queries and the search engines to filter inside the query. */
export type Visibility = "public" | "members";

type Resource = {
  /** city that owns the record (project lead city, topic city, invitation city) */
  cityId?: number | null;
  /** partner cities of a project */
  partnerCityIds?: number[];
  /** author / owner of a record */
  ownerId?: string | null;
  /** role an invitation would grant */
  role?: Role;
  visibility?: Visibility;
  /** Clearingstelle status of a forum topic (offen, an-clearingstelle, in-klaerung, geklaert, abgelehnt) */
  clearingStatus?: string | null;
};

/** The statuses in which a topic is "at the Clearingstelle" and other cities may mark "betrifft uns auch". */
export const CONCERN_STATUSES = ["an-clearingstelle", "in-klaerung"] as const;

export const ACTIONS = [
  // administration
  "verwaltung.open",
  "admin.users",
  "admin.cities",
  "admin.audit",
  "admin.categories",
  "admin.mail",
  "admin.cspReports",
  "invitation.create",
  // knowledge base and funding guide
  "content.readDrafts",
  "content.edit",
  "content.publish",
  "content.suggest",
  "content.review",
  // forum
  "forum.readMembers",
  "forum.post",
  "forum.flag",
  "forum.editPost",
  "forum.accept",
  "forum.moderate",
  "clearing.submit",
  "clearing.concern",
  "clearing.unconcern",
  "clearing.work",
  // projects
  "project.readMembers",
  "project.create",
  "project.edit",
  "project.addUpdate",
  // exchange about projects: rating a used programme, starting the discussion, "Interesse an Zusammenarbeit"
  "programme.rate",
  "project.discuss",
  "project.interest",
  // Ankommen: a city's Anlaufstellen; marking a translation as reviewed
  "anlaufstelle.edit",
  "guide.review",
  // cities
  "city.editFigures",
  // steering: Forderungen (status proposals and decisions) and Termine
  "forderung.propose",
  "forderung.decide",
  "termin.create",
  "termin.edit",
  // steering: shared targets (Gesamtzielperspektive)
  "ziel.manage",
  // own account
  "account.manage",
  // following a filtered list (Suchabos)
  "abo.follow",
  // search: the synonym and abbreviation dictionary (/verwaltung/synonyme)
  "search.synonyms",
] as const;
export type Action = (typeof ACTIONS)[number];

const isStaff = (r: Role) => r === "admin";

export function can(user: Viewer, action: Action, resource: Resource = {}): boolean {
  if (!user) return false; // guests may only read what is public; that is decided by the queries (visibilityFor)
  const { role } = user;
  // "Betrifft uns auch" speaks for a city, so no role (admin included) marks a topic of its own city, one
  // without a city, or one that is not at the Clearingstelle. resource.cityId = the topic's city.
  if (action === "clearing.concern") {
    return (
      user.cityId != null &&
      user.cityId !== resource.cityId &&
      (CONCERN_STATUSES as readonly string[]).includes(resource.clearingStatus ?? "")
    );
  }
  if (isStaff(role)) {
    // Admins may do everything, but an invitation is still checked for a sane role.
    return true;
  }
  const sameCity = user.cityId != null && resource.cityId != null && user.cityId === resource.cityId;
  switch (action) {
    case "verwaltung.open":
      return role !== "mitglied";
    case "admin.users":
    case "admin.cities":
    case "admin.audit":
    case "admin.categories":
    case "admin.mail":
    case "admin.cspReports":
      return false;
    case "invitation.create":
      return role === "koordination" && sameCity && (resource.role ?? "mitglied") === "mitglied";
    case "content.readDrafts":
    case "content.edit":
    case "content.publish":
    case "content.review":
      return role === "redaktion";
    case "content.suggest":
    case "forum.readMembers":
    case "forum.post":
    case "forum.flag":
    case "project.readMembers":
    case "account.manage":
    case "abo.follow":
      return true;
    case "forum.editPost":
      return resource.ownerId === user.id || role === "moderation";
    case "forum.accept":
      return resource.ownerId === user.id || role === "moderation";
    case "forum.moderate":
      return role === "moderation";
    case "clearing.unconcern":
      // resource.cityId = the city of the mark, ownerId = who set it: that person or a coordinator of that city
      return resource.ownerId === user.id || (role === "koordination" && sameCity);
    case "clearing.submit":
      return role === "koordination" && sameCity;
    case "clearing.work":
      return role === "redaktion";
    case "project.create":
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "project.edit":
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "anlaufstelle.edit":
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "guide.review":
      return role === "redaktion";
    case "city.editFigures":
      // Redaktion for every city, a coordinator only for the own city (resource.cityId = the figure's city)
      return role === "redaktion" || (role === "koordination" && sameCity);
    case "project.addUpdate":
      return (
        (role === "koordination" && (sameCity || (user.cityId != null && (resource.partnerCityIds ?? []).includes(user.cityId)))) ||
        role === "redaktion"
      );
    case "forderung.propose":
      return role === "koordination" || role === "redaktion";
    case "forderung.decide":
      return role === "redaktion";
    case "termin.create":
      return role === "koordination" || role === "redaktion";
    case "termin.edit":
      // coordinators edit their own city's events; events without a city (Land, alliance) only Redaktion
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "ziel.manage":
      return role === "redaktion";
    case "programme.rate":
      // the lead city's coordinators (resource.cityId = the project's lead city)
      return role === "koordination" && sameCity;
    case "project.discuss":
      return true;
    case "project.interest":
      // another city's coordinator: not the lead, not already a partner
      return (
        role === "koordination" &&
        user.cityId != null &&
        resource.cityId !== user.cityId &&
        !(resource.partnerCityIds ?? []).includes(user.cityId)
      );
    case "search.synonyms":
      return role === "redaktion";
  }
}

/** Which visibility levels a viewer may read. Guests: only public. */
export function visibilityFor(user: Viewer): Visibility[] {
  return user ? ["public", "members"] : ["public"];
}
