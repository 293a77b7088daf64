/** Only same-site absolute paths; `//evil`, `/\evil`, schemes and control characters fall back to `/`. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  const t = to.trim();
  if (!t.startsWith("/") || t.startsWith("//") || t.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(t)) return fallback;
  try {
    const u = new URL(t, "http://same.invalid");
    if (u.origin !== "http://same.invalid") return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}
