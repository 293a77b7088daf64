import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/services/auth.server";
import { flashHeader } from "~/services/flash.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  headers.append("Set-Cookie", await logout(request));
  headers.append("Set-Cookie", await flashHeader("Sie wurden abgemeldet."));
  return redirect("/", { headers });
}
