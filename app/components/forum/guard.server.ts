// Shared checks of the forum composers (new topic, reply, edit): rate limit and personal-data guardrail.
import { limiter } from "~/services/rate-limit.server";
import { detectPersonalData, type PersonalDataFinding } from "~/utils/personal-data";

export const POST_LIMIT = { max: 6, windowMs: 60_000 };

const postLimiter = () => limiter("forum-post", POST_LIMIT.max, POST_LIMIT.windowMs);

/** Seconds to wait, or 0. Six posts a minute per user. */
export function postRateWait(userId: string): number {
  return postLimiter().hit(userId);
}

/** The counted submission published nothing (a refused file, a replayed double submit): it does not count. */
export function postRateRefund(userId: string) {
  postLimiter().refund(userId);
}

export function rateMessage(wait: number) {
  return `Sie haben in kurzer Zeit sehr viele Beiträge geschrieben. Bitte warten Sie ${wait} Sekunden und senden Sie den Beitrag dann erneut – Ihr Text bleibt erhalten.`;
}

/** Findings that still need the author's confirmation ("Trotzdem veröffentlichen"). */
export function unconfirmedFindings(form: FormData, ...texts: string[]): PersonalDataFinding[] {
  if (form.get("trotzdem") === "1") return [];
  return detectPersonalData(texts.join("\n\n"));
}
