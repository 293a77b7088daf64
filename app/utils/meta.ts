export const SITE_NAME = "Städtenetz Südosteuropa";
export const pageTitle = (title?: string) => (title ? `${title} – ${SITE_NAME}` : SITE_NAME);
export const titleMeta = (title?: string, description?: string) => [
  { title: pageTitle(title) },
  ...(description ? [{ name: "description", content: description }] : []),
];
