// One-shot status messages ("gespeichert") across a redirect, announced by the root's role="status" region.
import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

function cookie() {
  const env = getEnv();
  return createCookie("sn_flash", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: 60,
    secrets: [process.env.SESSION_SECRET || `flash:${env.DATABASE_URL}`],
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
