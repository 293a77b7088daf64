// Markdown → safe HTML, rendered once on write ("cooked") and stored. marked does not sanitize, so its output
// always passes sanitize-html with an explicit allowlist. Raw HTML in the source is escaped (shown as text),
// links allow only http(s)/mailto/relative targets, images only same-site paths (no third-party requests).
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { slugify } from "~/utils/slug";

export type Heading = { id: string; text: string; depth: number };
export type WikiTarget = { url: string; title: string } | null;
export type RenderResult = { html: string; headings: Heading[]; wikiLinks: string[]; missingLinks: string[] };
export type RenderOptions = {
  /** Resolves `[[slug]]`; null marks the link as missing. Default: every slug is an article under /wissen. */
  resolveWikiLink?: (slug: string) => WikiTarget;
  /** Lowest heading level allowed in the body (page title is h1): `#` becomes h2. */
  minHeadingDepth?: number;
  /** Add ids and anchor links to headings (articles); off for forum posts. */
  headingAnchors?: boolean;
};

const RESERVED_IDS = new Set(["inhalt", "fehler-titel", "kopf-suche", "inhaltsverzeichnis"]);

export const slugifyHeading = (text: string) => slugify(text, { fallback: "abschnitt" });

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "span", "sup", "sub",
  ],
  allowedAttributes: {
    a: ["href", "title", "class", "rel", "aria-label"],
    img: ["src", "alt", "title"],
    h2: ["id"], h3: ["id"], h4: ["id"], h5: ["id"], h6: ["id"],
    span: ["class", "title"],
    th: ["scope"],
    ol: ["start"],
    code: ["class"],
  },
  allowedClasses: { a: ["wikilink", "anchor", "mention"], span: ["link-missing"], code: [/^language-[a-z0-9-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer nofollow" } : attribs };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

/** Sanitize any HTML fragment with the app's allowlist (used for every stored `cooked` value). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

export function renderMarkdown(raw: string, options: RenderOptions = {}): RenderResult {
  const headings: Heading[] = [];
  const used = new Set<string>(RESERVED_IDS);
  const wikiLinks: string[] = [];
  const missingLinks: string[] = [];
  const minDepth = options.minHeadingDepth ?? 2;
  const anchors = options.headingAnchors ?? true;
  const resolve = options.resolveWikiLink ?? ((slug: string) => ({ url: `/wissen/${slug}`, title: slug }));

  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    extensions: [
      {
        name: "wikilink",
        level: "inline",
        start: (src: string) => src.indexOf("[["),
        tokenizer(src: string) {
          const m = /^\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]{1,200}))?\]\]/.exec(src);
          if (!m) return undefined;
          return { type: "wikilink", raw: m[0], slug: m[1], label: m[2] };
        },
        renderer(token) {
          const t = token as unknown as { slug: string; label?: string };
          wikiLinks.push(t.slug);
          const target = resolve(t.slug);
          if (!target) {
            missingLinks.push(t.slug);
            return `<span class="link-missing" title="Dieser Beitrag existiert (noch) nicht">${escapeHtml(t.label ?? t.slug)} (Beitrag fehlt)</span>`;
          }
          return `<a class="wikilink" href="${escapeHtml(target.url)}">${escapeHtml(t.label ?? target.title)}</a>`;
        },
      },
    ],
    renderer: {
      // Raw HTML in Markdown is shown as text, never interpreted.
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      heading(token: Tokens.Heading) {
        const depth = Math.min(6, Math.max(minDepth, token.depth));
        const inner = this.parser.parseInline(token.tokens);
        const text = token.text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, s, l) => l ?? s);
        if (!anchors) return `<h${depth}>${inner}</h${depth}>\n`;
        let id = slugifyHeading(text);
        if (used.has(id)) {
          let n = 2;
          while (used.has(`${id}-${n}`)) n++;
          id = `${id}-${n}`;
        }
        used.add(id);
        headings.push({ id, text: text.replace(/[*_`]/g, ""), depth });
        return `<h${depth} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="Link zu diesem Abschnitt">#</a></h${depth}>\n`;
      },
    },
  });

  const html = marked.parse(raw) as string;
  return { html: sanitize(html), headings, wikiLinks: [...new Set(wikiLinks)], missingLinks: [...new Set(missingLinks)] };
}

/** Words of a wiki slug when its title is unknown: "glossar-problemimmobilie" → "problemimmobilie". */
function slugWords(slug: string): string {
  return slug.replace(/^(glossar|checkliste|fakten|loesungsszenario-\d+)-/, "").replace(/-/g, " ");
}

/**
 * Plain text of Markdown for search indexing and summaries (no markup, collapsed whitespace). `[[slug]]` links
 * become the linked title (via `resolveWikiLink`) or the slug's words – never the raw slug.
 */
export function markdownToText(raw: string, resolveWikiLink?: (slug: string) => WikiTarget): string {
  const { html } = renderMarkdown(raw, {
    headingAnchors: false,
    resolveWikiLink: (slug) => resolveWikiLink?.(slug) ?? { url: "#", title: slugWords(slug) },
  });
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|tr|blockquote|pre)>/g, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
