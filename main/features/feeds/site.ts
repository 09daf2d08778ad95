// A feed's site: whose threads its comments may join. A thread belongs to the site that
// published it, and a comment joins a thread only from the same site; otherwise any feed could
// name another site's post in thr:in-reply-to (or <source>, or its links) and put comments into
// that thread, wake comments snoozed until their author writes there again, and appear in its
// context under any name ("Official Support").
//
// What a feed says about itself cannot decide its site: its <link>, its entries' links and the
// thread addresses it names are all written by whoever serves it. So the site comes from how the
// moderator reached the feed, and is fixed when subscribing:
// - the host of the feed's own address (its final one, after redirects): the comment feeds of one
//   blog or forum share their threads; every hnrss.org feed shares the news.ycombinator.com
//   threads it points at, and so do the test fixture server's feeds, whatever hosts their
//   thread addresses name;
// - for a feed found on a web page, the host of that page: the page vouches for the feeds it
//   links, so a blog's comment feed served from a CDN host joins the blog's threads;
// - a post's comment feed followed through a posts feed takes the posts feed's site (it is on the
//   same host anyway, see follow.ts).
// The host is the name without the port: two ports of one machine are one site. A registrable
// domain (www.blog.example and blog.example as one site) would need the public-suffix list and
// would merge unrelated customers of shared hosts; a host is strict, and a page vouches for the rest.

/** The site of a feed at `feedUrl`, found on the page at `pageUrl` when it was found on a page. */
export function feedSite(feedUrl: string, pageUrl?: string | null): string {
  return new URL(pageUrl ?? feedUrl).hostname;
}
