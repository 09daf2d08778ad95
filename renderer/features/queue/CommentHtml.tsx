import DOMPurify from 'dompurify';
import { useMemo, type MouseEvent } from 'react';
import { COMMENT_ATTRIBUTES, COMMENT_TAGS, LINK_PROTOCOLS } from '../../../common/comment-html';
import { openExternal } from '../../api';
import { cx } from '../../ui/cx';
import styles from './CommentHtml.module.css';

// Comment HTML was sanitized when it was stored; it is sanitized again here, in the browser's own
// parser, before it touches the page (defence in depth, under the CSP).
// DOMPurify takes one attribute list for every tag, so the per-tag allow-list is flattened.
const ALLOWED_ATTR = [...new Set(Object.values(COMMENT_ATTRIBUTES).flat())];
const SAFE_URL = new RegExp(`^(?:${LINK_PROTOCOLS.join('|')})`, 'i');

export function sanitizeForDisplay(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: COMMENT_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: SAFE_URL, ALLOW_DATA_ATTR: false });
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
