import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { StatusLine } from "~/components/StatusLine";
import { Link, useLoaderData } from "@remix-run/react";
import { listZieleWithRollup } from "~/models/ziel.server";
import { AGGREGATION_LABELS } from "~/utils/taxonomy";
import { getUser, toViewer } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { can } from "~/services/permissions";
import { formatDate, formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { HANDLUNGSFELDER } from "~/utils/taxonomy";

export const meta: MetaFunction = () =>
  titleMeta("Gesamtzielperspektive", "Gemeinsame Zielindikatoren des Städtenetzes und was die Projekte der Städte dazu melden.");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = toViewer(await getUser(request));
  const ziele = listZieleWithRollup(getDb(), viewer).map((z) => ({
    slug: z.slug,
    title: z.title,
    unit: z.unit,
    aggregation: z.aggregation,
    targetValue: z.targetValue,
    targetDate: z.targetDate,
    handlungsfeld: z.handlungsfeld,
    demo: z.demo,
    total: z.total,
    reportingCount: z.reportingCount,
    cityCount: z.cityCount,
  }));
  return { ziele, canManage: can(viewer, "ziel.manage") };
}

export default function ZieleIndex() {
  const { ziele, canManage } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Gesamtzielperspektive</h1>
      <p className="lead">
        Der Handlungsrahmen fordert eine gemeinsame Zielperspektive. Die Redaktion legt gemeinsame Zielindikatoren fest; Projekte ordnen ihre eigenen Indikatoren
        einem Ziel zu. Hier steht, was die Städte melden – und welche Städte noch nichts melden.
      </p>
      {canManage ? (
        <p>
          <Link to="/ziele/neu">Neues Ziel anlegen</Link>
        </p>
      ) : null}
      {ziele.length === 0 ? <p>Noch keine Ziele festgelegt.</p> : null}
      <ul className="ziel-list">
        {ziele.map((z) => (
          <li key={z.slug}>
            <h2>
              <Link to={`/ziele/${z.slug}`}>{z.title}</Link>
            </h2>
            <StatusLine
              parts={[
                z.demo ? <strong key="d">Beispiel</strong> : null,
                HANDLUNGSFELDER[z.handlungsfeld as keyof typeof HANDLUNGSFELDER] ?? z.handlungsfeld,
                `${AGGREGATION_LABELS[z.aggregation]} über die Städte`,
                `${z.reportingCount} von ${z.cityCount} Städten melden`,
              ]}
            />
            <p>
              Stand: {z.total == null ? "noch keine Meldung" : `${formatNumber(z.total)} ${z.unit}`}
              {z.targetValue != null ? ` · Zielwert ${formatNumber(z.targetValue)} ${z.unit}${z.targetDate ? ` bis ${formatDate(z.targetDate)}` : ""}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
