// What sanitized comment HTML may hold, checked by parsing it back with htmlparser2 (never by a
// regex on the string): the fixture tests and the property tests judge the sanitizer's output here.
import { Parser } from 'htmlparser2';

// Written out here rather than imported, so a mistake in the module's own lists is caught.
// h1/h2 never appear: the sanitizer demotes them to h3/h4.
const ALLOWED: Record<string, string[]> = {
  p: [], br: [], em: [], strong: [], b: [], i: [], u: [], s: [], del: [], ins: [], code: [], pre: [],
  ul: [], li: [], h3: [], h4: [], h5: [], h6: [], hr: [], sub: [], sup: [], span: [], div: [],
  table: [], thead: [], tbody: [], tr: [], dl: [], dt: [], dd: [], cite: [], small: [], figure: [], figcaption: [],
  a: ['href', 'title', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  blockquote: ['cite'],
  q: ['cite'],
};

/** Every way the parsed output breaks the allow-list, as readable strings (empty when clean). */
export function violations(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(tag, attribs) {
      const allowedAttrs = ALLOWED[tag];
      if (!allowedAttrs) found.push(`tag <${tag}>`);
      for (const [name, value] of Object.entries(attribs)) {
        if (name.startsWith('on')) found.push(`event handler ${tag}[${name}]`);
        if (!allowedAttrs?.includes(name)) found.push(`attribute ${tag}[${name}]`);
        const schemes = name === 'href' ? /^(https?|mailto):/ : /^https?:/;
        if (['href', 'src', 'cite'].includes(name) && !schemes.test(value)) found.push(`url ${tag}[${name}]=${value}`);
        if (tag === 'a' && name === 'rel' && value !== 'noopener noreferrer') found.push(`rel=${value}`);
      }
      if (tag === 'a' && attribs.rel === undefined) found.push('<a> without rel');
    },
    oncomment(text) {
      found.push(`comment ${text}`);
    },
    onprocessinginstruction(name) {
      found.push(`processing instruction ${name}`);
    },
  });
  parser.end(html);
  return found;
}
