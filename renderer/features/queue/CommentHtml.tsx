import DOMPurify from 'dompurify';
import { useMemo, useState, type MouseEvent } from 'react';
import { COMMENT_ATTRIBUTES, COMMENT_TAGS, LINK_PROTOCOLS } from '../../../common/comment-html';
import { openExternal } from '../../api';
import { cx } from '../../ui/cx';
import styles from './CommentHtml.module.css';

// Comment HTML was sanitized when it was stored; it is sanitized again here, in the browser's own
// parser, before it touches the page (defence in depth, under the CSP).
// DOMPurify takes one attribute list for every tag, so the per-tag allow-list is flattened.
const ALLOWED_ATTR = [...new Set(Object.values(COMMENT_ATTRIBUTES).flat())];
const SAFE_URL = new RegExp(`^(?:${LINK_PROTOCOLS.join('|')})`, 'i');
const CONFIG = { ALLOWED_TAGS: COMMENT_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: SAFE_URL, ALLOW_DATA_ATTR: false };

// Remote images are blocked until asked for: loading one tells its sender when the moderator
// reads the comment (and from which address). A second DOMPurify instance, so its hook never
// touches other callers: inside DOMPurify's inert document, after the allow-list has run, each
// image loses its source and size (they are counted for "Show images"), so what reaches the page
// is the alt text as a placeholder.
const blocking = DOMPurify();
let blockedImages = 0;
blocking.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'IMG') return;
  if (!node.hasAttribute('src')) return;
  blockedImages++;
  node.removeAttribute('src');
  node.removeAttribute('width');
  node.removeAttribute('height');
  const alt = node.getAttribute('alt')?.trim();
  node.setAttribute('alt', alt ? `Image: ${alt}` : 'Image');
});

/** The comment's HTML ready for the page; unless `loadImages`, its images stay unloaded
 *  (`blockedImages` says how many). */
export function sanitizeForDisplay(html: string, { loadImages = false } = {}): { html: string; blockedImages: number } {
  if (loadImages) return { html: DOMPurify.sanitize(html, CONFIG), blockedImages: 0 };
  blockedImages = 0;
  const clean = blocking.sanitize(html, CONFIG);
  return { html: clean, blockedImages };
}

/** Links open in the system browser, never inside the console. */
function onClick(event: MouseEvent<HTMLDivElement>) {
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return;
  event.preventDefault();
  const href = link.getAttribute('href');
  if (href) openExternal(href);
}

/** The comment's HTML; while it loads (html empty), the excerpt as plain text. Its images load
 *  only after "Show images", for this comment only: another comment starts blocked again. */
export function CommentHtml({ html, fallbackText }: { html: string; fallbackText: string }) {
  const [imagesShownFor, setImagesShownFor] = useState<string | null>(null);
  const loadImages = html !== '' && imagesShownFor === html;
  const clean = useMemo(() => sanitizeForDisplay(html, { loadImages }), [html, loadImages]);
  if (!html) return <div className={styles.body}>{fallbackText}</div>;
  return (
    <>
      {clean.blockedImages > 0 && (
        <p className={styles.imagesBlocked}>
          <span>
            {clean.blockedImages === 1 ? '1 image' : `${clean.blockedImages} images`} not loaded, so the sender cannot tell you read this.
          </span>{' '}
          <button type="button" className="small" onClick={() => setImagesShownFor(html)}>
            Show images
          </button>
        </p>
      )}
      <div className={cx(styles.body, styles.html)} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean.html }} />
    </>
  );
}
