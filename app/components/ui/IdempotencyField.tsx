import { useNavigation } from "@remix-run/react";
import { IDEMPOTENCY_FIELD } from "~/utils/idempotency";

/** Hidden field with the form's idempotency key (rendered by the loader, one per render; works without JS). */
export function IdempotencyField({ value }: { value: string }) {
  return <input type="hidden" name={IDEMPOTENCY_FIELD} value={value} />;
}

/** True while this form (identified by its key) is being submitted: disable its submit button (with JS only). */
export function useSubmittingKey(value: string): boolean {
  const nav = useNavigation();
  return value !== "" && nav.state !== "idle" && nav.formData?.get(IDEMPOTENCY_FIELD) === value;
}
