// Bookmark toggle of one post: a form POST that works without JS (the button says what it will do and the page
// comes back at the post); with JS a fetcher submits it in place and the button is a toggle with aria-pressed.
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";

export function BookmarkToggle({ postId, postNumber, bookmarked }: { postId: number; postNumber: number; bookmarked: boolean }) {
  const fetcher = useFetcher();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // optimistic: while the fetcher runs, show the state it asks for
  const pending = fetcher.formData?.get("an");
  const on = pending != null ? pending === "1" : bookmarked;
  const fields = (
    <>
      <input type="hidden" name="intent" value="bookmark" />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="an" value={on ? "0" : "1"} />
    </>
  );
  if (!hydrated) {
    return (
      <Form method="post" className="inline-form">
        {fields}
        <button type="submit" className="link-button">
          {on ? "Lesezeichen entfernen" : "Lesezeichen setzen"}
          <span className="visually-hidden"> (Beitrag {postNumber})</span>
        </button>
      </Form>
    );
  }
  return (
    <fetcher.Form method="post" className="inline-form">
      {fields}
      <input type="hidden" name="js" value="1" />
      <button type="submit" className={`link-button bookmark-toggle${on ? " is-on" : ""}`} aria-pressed={on}>
        Lesezeichen<span className="visually-hidden"> (Beitrag {postNumber})</span>
      </button>
    </fetcher.Form>
  );
}
