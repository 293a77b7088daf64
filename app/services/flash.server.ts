// One-shot status messages ("gespeichert") across a redirect, announced by the root's role="status" region.
import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";
import { secretFor } from "./tokens.server";

function cookie() {
  const env = getEnv();
  // __Host- under https: Secure, Path=/ and no Domain, so no sibling host can set or overwrite it.
  return createCookie(env.secureCookies ? "__Host-sn_flash" : "sn_flash", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: 60,
    secrets: [secretFor("flash-cookie")],
  });
}

export async function flashHeader(message: string): Promise<string> {
  return cookie().serialize(message.slice(0, 300));
}

export async function readFlash(request: Request): Promise<{ message: string | null; clear: string | null }> {
  const c = cookie();
  const value = await c.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !value) return { message: null, clear: null };
  return { message: value, clear: await c.serialize("", { maxAge: 0 }) };
}
