// Hostile comment HTML for property tests: built from a grammar of tags, attributes, entities and
// nesting, and known XSS vectors mutated. The stored-comment sanitizer's property tests and the
// console's end-to-end check of its own second sanitizer draw from the same inputs.
import fc from 'fast-check';

// Allowed tags, tags the sanitizer must drop with their content, and ones it must unwrap.
const TAGS = [
  'p', 'a', 'img', 'div', 'span', 'b', 'blockquote', 'q', 'table', 'td', 'tr', 'ol', 'li', 'pre', 'code', 'h1', 'h2', 'br', 'hr', 'abbr',
  'script', 'style', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'noscript', 'template',
  'title', 'xmp', 'base', 'meta', 'link', 'video', 'source', 'image', 'use', 'animate', 'set', 'foreignObject', 'mglyph',
  'malignmark', 'select', 'option', 'frame', 'frameset', 'plaintext', 'noembed', 'details', 'marquee', 'isindex', 'SCRIPT', 'ScRiPt',
];
const ATTRIBUTES = [
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'style', 'onerror', 'onclick', 'onload', 'ONMOUSEOVER', 'oNfocus',
  'background', 'poster', 'data', 'cite', 'width', 'height', 'alt', 'title', 'rel', 'colspan', 'start', 'id', 'class', 'is',
  'dynsrc', 'lowsrc', 'xmlns', 'autofocus', 'target', 'srcdoc', 'values', 'to', 'attributeName', 'ping',
];

// `javascript:` and friends, with the entity, whitespace, control and case tricks browsers forgive.
const scriptScheme = fc
  .tuple(
    fc.constantFrom('javascript', 'vbscript', 'livescript', 'data'),
    fc.constantFrom(':', '&#58;', '&#x3A;', '&colon;', '&#0000058', '%3A'),
    fc.constantFrom('alert(1)', 'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'image/svg+xml,<svg onload=alert(1)>', 'image/png;base64,iVBORw0KGgo=', 'msgbox(1)'),
    fc.array(fc.nat(), { maxLength: 3 }),
    fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u000C', '&#9;', '&Tab;', '&NewLine;', '&#x0A;', '\u0001', '  \u0000\t'),
  )
  .map(([scheme, colon, body, cuts, junk]) => {
    let name: string = [...scheme].map((char, i) => (i % 2 ? char.toUpperCase() : char)).join('');
    if (cuts.length) name = [...name].map((char, i) => (cuts.includes(i) ? `${char}${junk}` : char)).join('');
    return `${junk}${name.replace(/j/, (j) => (cuts.length % 2 ? '&#106;' : j))}${colon}${body}`;
  });
const webUrl = fc.constantFrom(
  'https://blog.example.com/post/', 'http://example.org/a.png', '//cdn.example.net/x.png', '/relative/path', '#frag', 'reply',
  'mailto:someone@example.com', 'https://user:pass@bank.example@evil.example/', 'http://127.0.0.1/reboot', 'http://192.168.1.1/',
  'http://[::1]/', 'http://localhost:8080/', 'http://169.254.169.254/latest/', 'http://192.0.2.1/router-reboot', 'ftp://example.com/',
  'file:///etc/passwd', 'https://xn--80ak6aa92e.com/', 'https://example.com/?a=1&amp;b=2', 'https://example.com/a b', '',
);
const attrValue = fc.oneof(
  scriptScheme,
  webUrl,
  fc.constantFrom('1', '2', '0', '640', '1px', '2px', 'alert(1)', 'x" onerror="alert(1)', "x' onload='alert(1)", 'expression(alert(1))',
    'x.png 1x, javascript:alert(1) 2x', 'url(javascript:alert(1))', 'noopener', '<script>alert(1)</script>', '&quot;><svg/onload=alert(1)>'),
  fc.string({ maxLength: 12 }),
);
const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), attrValue, fc.constantFrom('"', "'", '', 'none'))
  .map(([name, value, quote]) => (quote === 'none' ? ` ${name}` : ` ${name}=${quote}${quote === '' ? value.replace(/[\s>]/g, '') : value.replaceAll(quote, '')}${quote}`));
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('&lt;script&gt;alert(1)&lt;/script&gt;', '&amp;', '&#0;', '&#x110000;', '&nbsp;', '&', '<', '>', '<!--', '-->',
    '<![CDATA[<script>alert(1)</script>]]>', '</', '<?xml x?>', '<!DOCTYPE html>', '\u0000', '\u001b[2J', '\uFEFF', '\uD800', 'alert(1)'),
);

type Node = string;
const { node } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
  element: fc
    .tuple(
      fc.constantFrom(...TAGS),
      fc.array(attribute, { maxLength: 3 }),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.constantFrom('close', 'open', 'self', 'mismatched'),
    )
    .map(([tag, attrs, children, ending]) => {
      const start = `<${tag}${attrs.join('')}${ending === 'self' ? '/' : ''}>`;
      const end = ending === 'close' ? `</${tag}>` : ending === 'mismatched' ? '</p></div>' : '';
      return `${start}${children.join('')}${end}`;
    }),
}));

// Payloads from public XSS cheat sheets and mutation-XSS reports, each as one string to mutate.
const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" \u0001javascript:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<style><img src=x onerror=alert(1)></style>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction="javascript:alert(1)">x</button></form>',
  '<img srcset="x.png 1x, javascript:alert(1) 2x">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<template><img src=x onerror=alert(1)></template>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<p id="</p><img src=x onerror=alert(1)>">',
  '<a href="https://ok.example/">ok</a><base href="javascript:alert(1)//">',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<img src="http://127.0.0.1/reboot" width=2 height=2>',
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(text, fc.constantFrom('\t', '\n', '\u0000', ' ', '/', '"', "'", '=', '>', '<')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('case' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: string, change: Mutation): string {
  const at = change.at % (input.length + 1);
  switch (change.kind) {
    case 'insert':
      return input.slice(0, at) + change.piece + input.slice(at);
    case 'delete':
      return input.slice(0, at) + input.slice(at + change.length);
    case 'case': {
      const part = input.slice(at, at + change.length);
      return input.slice(0, at) + (part === part.toUpperCase() ? part.toLowerCase() : part.toUpperCase()) + input.slice(at + change.length);
    }
    case 'repeat':
      return input.slice(0, at + change.length) + input.slice(at, at + change.length) + input.slice(at + change.length);
  }
}

const mutatedVector = fc
  .tuple(fc.constantFrom(...VECTORS), fc.array(mutation, { maxLength: 4 }))
  .map(([vector, changes]) => changes.reduce(mutate, vector));
export const hostileHtml = fc.oneof(node, mutatedVector, fc.array(fc.oneof(node, mutatedVector), { maxLength: 4 }).map((parts) => parts.join('')));
