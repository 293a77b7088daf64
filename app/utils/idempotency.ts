/** Name of the hidden form field that carries a create form's idempotency key (see app/services/idempotency.server.ts). */
export const IDEMPOTENCY_FIELD = "idempotencyKey";
