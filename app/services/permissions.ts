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
};

export const ACTIONS = [
  // administration
  "verwaltung.open",
  "admin.users",
  "admin.cities",
  "admin.audit",
  "admin.categories",
  "admin.cspReports",
  "invitation.create",
  // knowledge base and funding guide
  "content.readDrafts",
  "content.edit",
  "content.publish",
  "content.suggest",
  // forum
  "forum.readMembers",
  "forum.post",
  "forum.flag",
  "forum.editPost",
  "forum.accept",
  "forum.moderate",
  "clearing.submit",
  "clearing.concern",
  "clearing.work",
  // projects
  "project.readMembers",
  "project.create",
  "project.edit",
  "project.addUpdate",
  // own account
  "account.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const isStaff = (r: Role) => r === "admin";

export function can(user: Viewer, action: Action, resource: Resource = {}): boolean {
  if (!user) return false; // guests may only read what is public; that is decided by the queries (visibilityFor)
  const { role } = user;
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
    case "admin.cspReports":
      return false;
    case "invitation.create":
      return role === "koordination" && sameCity && (resource.role ?? "mitglied") === "mitglied";
    case "content.readDrafts":
    case "content.edit":
    case "content.publish":
      return role === "redaktion";
    case "content.suggest":
    case "forum.readMembers":
    case "forum.post":
    case "forum.flag":
    case "clearing.concern":
    case "project.readMembers":
    case "account.manage":
      return true;
    case "forum.editPost":
      return resource.ownerId === user.id || role === "moderation";
    case "forum.accept":
      return resource.ownerId === user.id || role === "moderation";
    case "forum.moderate":
      return role === "moderation";
    case "clearing.submit":
      return role === "koordination" && sameCity;
    case "clearing.work":
      return role === "redaktion";
    case "project.create":
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "project.edit":
      return (role === "koordination" && sameCity) || role === "redaktion";
    case "project.addUpdate":
      return (
        (role === "koordination" && (sameCity || (user.cityId != null && (resource.partnerCityIds ?? []).includes(user.cityId)))) ||
        role === "redaktion"
      );
  }
}

/** Which visibility levels a viewer may read. Guests: only public. */
export function visibilityFor(user: Viewer): Visibility[] {
  return user ? ["public", "members"] : ["public"];
}
