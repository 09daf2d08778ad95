// What comment HTML may contain: one allow-list, applied when a comment is stored (sanitize-html,
// main/features/feeds/sanitize/) and again in the console before it touches the page (DOMPurify,
// renderer/features/queue/CommentHtml.tsx).

// Disallowed elements whose whole subtree is dropped, not just the tag. Their content is code,
// raw text or foreign markup (svg/math) that a browser parses differently from htmlparser2;
// dropping it removes every mutation-XSS shape that relies on that difference.
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'plaintext', 'noscript', 'noembed',
  'noframes', 'iframe', 'frame', 'frameset', 'template', 'title', 'head', 'object', 'applet', 'svg', 'math',
];

/** h1/h2 are not here: the sanitizer demotes them, so a comment never outranks the console's own headings. */
export const COMMENT_TAGS = [
  'p', 'br', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'code', 'pre', 'blockquote', 'q',
  'ul', 'ol', 'li', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'sub', 'sup', 'span', 'div',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'abbr', 'cite', 'small', 'figure', 'figcaption',
];

export const COMMENT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  blockquote: ['cite'],
  q: ['cite'],
};

/** Links may also write an email; images and citations load over the web only. */
export const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'];
export const WEB_PROTOCOLS = ['http:', 'https:'];
