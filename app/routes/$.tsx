// Any unknown URL: a German 404 through the root error boundary (never a 500).
export async function loader() {
  throw new Response("Nicht gefunden", { status: 404 });
}

export async function action() {
  throw new Response("Nicht gefunden", { status: 404 });
}

export default function NotFound() {
  return null;
}
