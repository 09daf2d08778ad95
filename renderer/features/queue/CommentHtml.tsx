import DOMPurify from 'dompurify';
import { useMemo, type MouseEvent } from 'react';
import { openExternal } from '../../api';
import { cx } from '../../ui/cx';
import styles from './CommentHtml.module.css';

// Comment HTML was sanitized when it was stored; it is sanitized again here, in the browser's own
// parser, before it touches the page (defence in depth, under the CSP).
const ALLOWED_TAGS = ['p', 'br', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'code', 'pre', 'blockquote', 'q', 'ul', 'ol', 'li', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'sub', 'sup', 'span', 'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'abbr', 'cite', 'small', 'figure', 'figcaption'];
const ALLOWED_ATTR = ['href', 'title', 'rel', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan', 'start', 'cite'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

export function sanitizeForDisplay(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: SAFE_URL, ALLOW_DATA_ATTR: false });
}

/** Links open in the system browser, never inside the console. */
function onClick(event: MouseEvent<HTMLDivElement>) {
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href');
  if (href) openExternal(href);
}

/** The comment's HTML; while it loads (html empty), the excerpt as plain text. */
export function CommentHtml({ html, fallbackText }: { html: string; fallbackText: string }) {
  const clean = useMemo(() => sanitizeForDisplay(html), [html]);
  if (!html) return <div className={styles.body}>{fallbackText}</div>;
  return <div className={cx(styles.body, styles.html)} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
