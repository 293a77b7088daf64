import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { authenticate } from "~/models/user.server";
import { createUserSession, getUser } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { clientIp, retryAfter, passRetryAfter } from "~/services/rate-limit.server";
import { ErrorSummary, TextField } from "~/components/ui/form";
import { failure, parseForm } from "~/utils/forms";
import { titleMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/safe-redirect";

export const headers = passRetryAfter;
export const meta: MetaFunction = () => titleMeta("Anmelden");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

const schema = z.object({
  email: z.string({ required_error: "Bitte geben Sie Ihre E-Mail-Adresse ein." }).trim().min(1, "Bitte geben Sie Ihre E-Mail-Adresse ein.").max(254, "Die E-Mail-Adresse ist zu lang (höchstens 254 Zeichen)."),
  password: z.string({ required_error: "Bitte geben Sie Ihr Passwort ein." }).min(1, "Bitte geben Sie Ihr Passwort ein.").max(1024, "Das Passwort ist zu lang (höchstens 1.024 Zeichen)."),
  redirectTo: z.string().max(2000, "Die Zieladresse ist zu lang.").optional(),
});

const TITLE = "Anmelden";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, schema, TITLE);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, clientIp(request));
  if (!result.ok) {
    return data(failure(TITLE, { _form: result.message }, form), {
      status: result.waitSeconds ? 429 : 400,
      headers: result.waitSeconds ? retryAfter(result.waitSeconds) : undefined,
    });
  }
  const cookie = await createUserSession(result.userId);
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Anmelden() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = actionData && !actionData.ok ? actionData.errors : null;
  return (
    <div className="narrow">
      <h1>Anmelden</h1>
      <p>Das Fachforum ist ein geschlossenes Netzwerk. Konten gibt es nur auf Einladung.</p>
      <ErrorSummary errors={errors} labels={{ email: "E-Mail-Adresse", password: "Passwort" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField
          name="email"
          label="E-Mail-Adresse"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData && !actionData.ok ? actionData.values.email : undefined}
          errors={errors}
        />
        <TextField name="password" label="Passwort" type="password" autoComplete="current-password" required errors={errors} />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            Anmelden
          </button>
          <Link to="/passwort-vergessen">Passwort vergessen?</Link>
        </div>
      </Form>
    </div>
  );
}
