// "Meine Abos und Lesezeichen": the user's forum notification settings (watch/follow/mute per topic and category)
// in one place. Changing one goes through setSubscription (forum.server.ts), like on the topic and category pages.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { forumCategories, forumSubscriptions, forumTopics, type SubscriptionLevel } from "../../db/schema/index";
import type { Executor } from "~/services/db.server";
import { visibilityFor, type Viewer } from "~/services/permissions";

export type TopicSubscriptionView = { topicId: number; title: string; url: string; categoryName: string; level: SubscriptionLevel };
export type CategorySubscriptionView = { categoryId: number; name: string; url: string; level: SubscriptionLevel };

/** The user's topic and category subscriptions the viewer (the user) may still read, by title. */
export function listMyForumSubscriptions(db: Executor, userId: string, viewer: Viewer): { topics: TopicSubscriptionView[]; categories: CategorySubscriptionView[] } {
  const vis = visibilityFor(viewer);
  const topics = db
    .select({ topicId: forumTopics.id, title: forumTopics.title, slug: forumCategories.slug, categoryName: forumCategories.name, level: forumSubscriptions.level })
    .from(forumSubscriptions)
    .innerJoin(forumTopics, eq(forumTopics.id, forumSubscriptions.topicId))
    .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .where(and(eq(forumSubscriptions.userId, userId), isNotNull(forumSubscriptions.topicId), inArray(forumCategories.visibility, vis)))
    .orderBy(asc(forumTopics.title), asc(forumTopics.id))
    .all()
    .map((r) => ({ topicId: r.topicId, title: r.title, url: `/forum/${r.slug}/${r.topicId}`, categoryName: r.categoryName, level: r.level }));
  const categories = db
    .select({ categoryId: forumCategories.id, name: forumCategories.name, slug: forumCategories.slug, level: forumSubscriptions.level })
    .from(forumSubscriptions)
    .innerJoin(forumCategories, eq(forumCategories.id, forumSubscriptions.categoryId))
    .where(and(eq(forumSubscriptions.userId, userId), isNotNull(forumSubscriptions.categoryId), inArray(forumCategories.visibility, vis)))
    .orderBy(asc(forumCategories.sort), asc(forumCategories.name))
    .all()
    .map((r) => ({ categoryId: r.categoryId, name: r.name, url: `/forum/${r.slug}`, level: r.level }));
  return { topics, categories };
}
