// Markdown → safe HTML, rendered once on write ("cooked") and stored. marked does not sanitize, so its output
// always passes sanitize-html with an explicit allowlist. Raw HTML in the source is escaped (shown as text),
// links allow only http(s)/mailto/relative targets, images only same-site paths (no third-party requests).
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { slugify } from "~/utils/slug";
import { cleanText } from "~/utils/text-hygiene";

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
  /**
   * Resolves `@handle` (forum posts): a known member becomes `<a class="mention" href="…">@Name</a>`, an unknown
   * handle stays plain text. Without it, `@…` is never touched (articles).
   */
  resolveMention?: (handle: string) => { url: string; name: string } | null;
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

/**
 * Version of the Markdown → HTML rules. Bump it whenever the output for the same `raw` changes, so stored
 * `cooked` values of an older version can be re-rendered (Discourse's BAKED_VERSION). 2: text hygiene, nesting
 * limit, wiki links as placeholders instead of a marked extension. 3: mentions as links to the profile page
 * (`resolveMention`); posts cooked before show `<strong>@handle</strong>`, upgraded on read (`legacyMentionLinks`).
 */
export const COOK_VERSION = 3;

/** Blockquotes and lists deeper than this are flattened: the extra markers are dropped, the text stays. */
export const MAX_NESTING = 20;
/** Leading indentation beyond this many columns is cut (deeper list nesting by indentation). */
const MAX_INDENT = MAX_NESTING * 4;

// Wiki links are swapped for placeholders before marked runs and put back in text nodes afterwards. A marked
// inline extension would be called at every position of every paragraph, which made adversarial posts
// quadratic. The placeholder uses two Unicode noncharacters, which are removed from the input first.
const WIKI_LINK = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]\n]{1,200}))?\]\]/g;
const PH_OPEN = "\uFDD0";
const PH_CLOSE = "\uFDD1";
const PLACEHOLDER = /\uFDD0(\d{1,7})\uFDD1/g;
const NONCHARS = /[\uFDD0\uFDD1]/g;

/** `@handle` after a start, space, "(" or ">" – the same rule as the forum's mention notifications. */
export const MENTION_PATTERN = /(^|[\s(>])@([a-z0-9][a-z0-9-]{1,80}[a-z0-9])/g;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Caps container nesting line by line (outside fenced code): at most MAX_NESTING blockquote/list markers at the
 * start of a line, at most MAX_INDENT columns of indentation. One linear pass; no regex with backtracking.
 */
export function limitNesting(src: string): string {
  const lines = src.split("\n");
  let fence: string | null = null;
  let changed = false;
  for (let li = 0; li < lines.length; li++) {
    const lineText = lines[li];
    const f = FENCE.exec(lineText);
    if (f) {
      const marker = f[1];
      if (fence === null) fence = marker[0].repeat(3);
      else if (marker.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    let pos = 0;
    let depth = 0;
    let cut = -1; // position right after the MAX_NESTING-th marker
    let lastMarkerEnd = 0;
    let indent = 0;
    while (pos < lineText.length) {
      const c = lineText.charCodeAt(pos);
      if (c === 32 || c === 9) {
        pos++;
        if (depth === 0) indent++;
        continue;
      }
      let end = -1;
      if (c === 62 /* > */) end = pos + 1;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (lineText.charCodeAt(pos + 1) === 32 || lineText.charCodeAt(pos + 1) === 9)) end = pos + 2;
      else if (c >= 48 && c <= 57) {
        let d = pos;
        while (d < lineText.length && d - pos < 9 && lineText.charCodeAt(d) >= 48 && lineText.charCodeAt(d) <= 57) d++;
        const p = lineText.charCodeAt(d);
        const after = lineText.charCodeAt(d + 1);
        if ((p === 46 || p === 41) && (after === 32 || after === 9)) end = d + 2;
      }
      if (end < 0) break;
      depth++;
      pos = end;
      lastMarkerEnd = end;
      if (depth === MAX_NESTING) cut = end;
    }
    let out = lineText;
    if (cut >= 0 && depth > MAX_NESTING) out = lineText.slice(0, cut) + lineText.slice(lastMarkerEnd);
    if (indent > MAX_INDENT) out = " ".repeat(MAX_INDENT) + out.trimStart();
    if (out !== lineText) {
      lines[li] = out;
      changed = true;
    }
  }
  return changed ? lines.join("\n") : src;
}

/** The source as escaped paragraphs: the fallback when marked cannot render an input. */
function asPlainParagraphs(src: string): string {
  return src
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export function renderMarkdown(input: string, options: RenderOptions = {}): RenderResult {
  const headings: Heading[] = [];
  const used = new Set<string>(RESERVED_IDS);
  const nextSuffix = new Map<string, number>();
  const wikiLinks: string[] = [];
  const missingLinks: string[] = [];
  const minDepth = options.minHeadingDepth ?? 2;
  const anchors = options.headingAnchors ?? true;
  const resolve = options.resolveWikiLink ?? ((slug: string) => ({ url: `/wissen/${slug}`, title: slug }));

  const clean = cleanText(input).replace(NONCHARS, "");
  const links: { raw: string; slug: string; label?: string; mention?: { url: string; name: string } }[] = [];
  let raw = limitNesting(clean).replace(WIKI_LINK, (m: string, slug: string, label?: string) => {
    links.push({ raw: m, slug, label });
    return `${PH_OPEN}${links.length - 1}${PH_CLOSE}`;
  });
  const resolveMention = options.resolveMention;
  if (resolveMention) {
    raw = raw.replace(MENTION_PATTERN, (m: string, pre: string, handle: string) => {
      const target = resolveMention(handle);
      if (!target) return m;
      links.push({ raw: `@${handle}`, slug: handle, label: `@${target.name}`, mention: target });
      return `${pre}${PH_OPEN}${links.length - 1}${PH_CLOSE}`;
    });
  }
  const linkHtml = (i: number) => {
    const t = links[i];
    if (t.mention) return `<a class="mention" href="${escapeHtml(t.mention.url)}">${escapeHtml(t.label ?? t.raw)}</a>`;
    wikiLinks.push(t.slug);
    const target = resolve(t.slug);
    if (!target) {
      missingLinks.push(t.slug);
      return `<span class="link-missing" title="Dieser Beitrag existiert (noch) nicht">${escapeHtml(t.label ?? t.slug)} (Beitrag fehlt)</span>`;
    }
    return `<a class="wikilink" href="${escapeHtml(target.url)}">${escapeHtml(t.label ?? target.title)}</a>`;
  };
  const labelOf = (i: number) => links[i].label ?? links[i].slug;

  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      // Raw HTML in Markdown is shown as text, never interpreted.
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      // Text nodes are where wiki links live; in code, alt texts and URLs the placeholder becomes the raw text.
      text(token: Tokens.Text | Tokens.Escape) {
        if ("tokens" in token && token.tokens) return this.parser.parseInline(token.tokens);
        const html = "escaped" in token && token.escaped ? token.text : escapeHtml(token.text);
        return links.length ? html.replace(PLACEHOLDER, (_m, i: string) => linkHtml(Number(i))) : html;
      },
      heading(token: Tokens.Heading) {
        const depth = Math.min(6, Math.max(minDepth, token.depth));
        const inner = this.parser.parseInline(token.tokens);
        const text = links.length ? token.text.replace(PLACEHOLDER, (_m, i: string) => labelOf(Number(i))) : token.text;
        if (!anchors) return `<h${depth}>${inner}</h${depth}>\n`;
        let id = slugifyHeading(text);
        if (used.has(id)) {
          // Continue counting where this base id stopped: many equal headings stay linear.
          const base = id;
          let n = nextSuffix.get(base) ?? 2;
          while (used.has(`${base}-${n}`)) n++;
          nextSuffix.set(base, n + 1);
          id = `${base}-${n}`;
        }
        used.add(id);
        headings.push({ id, text: text.replace(/[*_`]/g, ""), depth });
        return `<h${depth} id="${id}">${inner}<a class="anchor" href="#${id}" aria-label="Link zu diesem Abschnitt">#</a></h${depth}>\n`;
      },
    },
  });

  let html: string;
  try {
    html = marked.parse(raw) as string;
  } catch {
    // Whatever marked cannot handle (it throws on a stack overflow) is shown as text, never as an HTTP 500.
    html = asPlainParagraphs(raw);
  }
  if (links.length) html = html.replace(PLACEHOLDER, (_m, i: string) => escapeHtml(links[Number(i)].raw));
  return { html: sanitize(html), headings, wikiLinks: [...new Set(wikiLinks)], missingLinks: [...new Set(missingLinks)] };
}

/**
 * Posts cooked before COOK_VERSION 3 show a known mention as `<strong>@handle</strong>`. On read, those become the
 * same link a fresh rendering gives (`resolve` as for `resolveMention`); unknown handles stay as they are.
 */
export function legacyMentionLinks(html: string, resolve: (handle: string) => { url: string; name: string } | null): string {
  if (!html.includes("<strong>@")) return html;
  return html.replace(/<strong>@([a-z0-9][a-z0-9-]{1,80}[a-z0-9])<\/strong>/g, (m, handle: string) => {
    const t = resolve(handle);
    return t ? `<a class="mention" href="${escapeHtml(t.url)}">@${escapeHtml(t.name)}</a>` : m;
  });
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
