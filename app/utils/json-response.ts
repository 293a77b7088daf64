// JSON answers of the small API routes (search, composer helpers): never stored by a browser or proxy, since they
// depend on who asks.
export const privateJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", ...headers } });
