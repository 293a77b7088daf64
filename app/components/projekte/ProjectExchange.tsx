// Exchange about a project (issue 19): programme ratings (for the lead city's coordinators once the project has
// ended), the linked forum discussion, and the cities interested in working together. Plain forms: no JS needed.
import { Form, Link } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/utils/format";

export type ExchangeProps = {
  slug: string;
  discussion: {
    title: string;
    url: string;
    postCount: number;
    posts: { postNumber: number; excerpt: string; createdAt: string; authorName: string; url: string }[];
  } | null;
  canDiscuss: boolean;
  interest: { slug: string; name: string; createdAt: string }[];
  canInterest: boolean;
  ownInterest: boolean;
  ownCityName: string | null;
  rate: { slug: string; name: string; rated: boolean }[] | null;
};

export function InterestBlock({ interest, canInterest, ownInterest, ownCityName, headingLevel = 2 }: Pick<ExchangeProps, "interest" | "canInterest" | "ownInterest" | "ownCityName"> & { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="interesse" className="projekt-interesse">
      <H id="interesse">Interesse an Zusammenarbeit</H>
      {interest.length === 0 ? (
        <p>Noch keine Stadt hat Interesse gemeldet.</p>
      ) : (
        <ul>
          {interest.map((c) => (
            <li key={c.slug}>
              <Link to={`/staedte/${c.slug}`}>{c.name}</Link> <span className="muted">(seit {formatDate(c.createdAt.slice(0, 10))})</span>
            </li>
          ))}
        </ul>
      )}
      {ownInterest ? (
        <Form method="post">
          <input type="hidden" name="intent" value="interesse-zurueck" />
          <button type="submit" className="secondary">
            Interesse{ownCityName ? ` von ${ownCityName}` : ""} zurückziehen
          </button>
        </Form>
      ) : canInterest ? (
        <Form method="post">
          <input type="hidden" name="intent" value="interesse" />
          <p className="hint">Die federführende Stadt erfährt, dass {ownCityName ?? "Ihre Stadt"} mitarbeiten möchte.</p>
          <button type="submit">Interesse an Zusammenarbeit</button>
        </Form>
      ) : null}
    </section>
  );
}

export function ProjectExchange(props: ExchangeProps) {
  const { slug, discussion, canDiscuss, rate } = props;
  return (
    <>
      {rate ? (
        <section aria-labelledby="bewertungen" className="projekt-bewertungen">
          <h2 id="bewertungen">Förderprogramme bewerten</h2>
          {rate.length === 0 ? (
            <p>In diesem Projekt ist kein Programm aus dem Förderwegweiser eingetragen.</p>
          ) : (
            <>
              <p>Das Projekt ist beendet. Ihre Bewertung hilft anderen Städten; sie erscheint nur im Durchschnitt, mit Stadt und Jahr.</p>
              <ul>
                {rate.map((g) => (
                  <li key={g.slug}>
                    <Link to={`/projekte/${slug}/bewerten?programm=${encodeURIComponent(g.slug)}`}>
                      {g.rated ? `Bewertung von „${g.name}“ ändern` : `„${g.name}“ bewerten`}
                    </Link>
                    {g.rated ? " (bewertet)" : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="diskussion" className="projekt-diskussion">
        <h2 id="diskussion">Diskussion</h2>
        {discussion ? (
          <>
            {discussion.posts.length ? (
              <ol className="projekt-updates" reversed>
                {discussion.posts.map((post) => (
                  <li key={post.postNumber}>
                    <p className="muted">
                      <Link to={post.url}>Beitrag {post.postNumber}</Link> · {formatDateTime(post.createdAt)} · {post.authorName}
                    </p>
                    <p className="projekt-text">{post.excerpt}</p>
                  </li>
                ))}
              </ol>
            ) : null}
            <p>
              <Link to={discussion.url}>
                Zur Diskussion „{discussion.title}“ ({discussion.postCount === 1 ? "1 Beitrag" : `${discussion.postCount} Beiträge`})
              </Link>
            </p>
          </>
        ) : canDiscuss ? (
          <Form method="post">
            <input type="hidden" name="intent" value="diskussion" />
            <p>Zu diesem Projekt gibt es noch keine Diskussion im Forum.</p>
            <button type="submit">Diskussion starten</button>
          </Form>
        ) : (
          <p>
            Noch keine Diskussion. <Link to={`/anmelden?redirectTo=${encodeURIComponent(`/projekte/${slug}`)}`}>Melden Sie sich an</Link>, um eine zu starten.
          </p>
        )}
      </section>

      <InterestBlock {...props} />
    </>
  );
}
