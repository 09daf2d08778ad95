// Which post or topic a comment belongs to. Feeds say it in many ways; we try the explicit ones
// first (Atom thr:in-reply-to, RSS <source>), then what the comment's own link and title reveal.

export interface ThreadRef {
  url: string | null;
  title: string;
}

/** The page a comment link points into: its URL without the #fragment, and per-site shapes. */
export function threadUrlFromCommentLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  url.hash = '';
  // Discourse: /t/slug/123/4 is post 4 of topic /t/slug/123.
  const discourse = /^(\/t\/[^/]+\/\d+)\/\d+\/?$/.exec(url.pathname);
  if (discourse) url.pathname = discourse[1] as string;
  // Reddit: /r/sub/comments/POST/slug/COMMENT/ is a comment on /r/sub/comments/POST/slug/.
  const reddit = /^(\/r\/[^/]+\/comments\/[^/]+\/[^/]+\/)[^/]+\/?$/.exec(url.pathname);
  if (reddit) url.pathname = reddit[1] as string;
  // WordPress: ?p=412#comment-9 / /post/comment-page-2/#comment-9.
  url.pathname = url.pathname.replace(/\/comment-page-\d+\/?$/, '/');
  return url.href;
}

const TITLE_PATTERNS: RegExp[] = [
  /^Comment on (.+) by .+$/s, // WordPress site-wide comment feed
  /^New comment by \S+ in "(.+)"$/s, // hnrss
  /^\/u\/\S+ on (.+)$/s, // Reddit
  /^Re: (.+)$/s, // forums and mailing lists
];

/** The thread title hidden in a comment's own title, when it follows a known pattern. */
export function threadTitleFromCommentTitle(title: string): string | null {
  for (const pattern of TITLE_PATTERNS) {
    const match = pattern.exec(title.trim());
    if (match) return (match[1] as string).trim();
  }
  return null;
}

/** "Comments on: Post" (WordPress per-post), "Comments on Post" (Typepad): a feed about one thread. */
export function threadTitleFromFeedTitle(title: string): string | null {
  const match = /^Comments on:? (.+)$/s.exec(title.trim());
  return match ? (match[1] as string).trim() : null;
}
