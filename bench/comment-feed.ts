// A realistic WordPress comment feed of `count` comments, for benchmarks.
const AUTHORS = ['Priya Raman', 'Marcus T', 'Dana Okafor', 'Jonas Berg', 'Hélène Dubois', 'kira_dev', 'Sam Osei'];
const PARAGRAPHS = [
  'Our checkout has been failing since 9:00 this morning and customers are emailing us. Is there an ETA for the fix? We are on the Business plan in Frankfurt.',
  'Clearing the DNS cache fixed it for me: <code>ipconfig /flushdns</code> on Windows, or <code>sudo dscacheutil -flushcache</code> on a Mac. Worth a try before opening a ticket.',
  'I wrote a small script that checks every site in our account and posts to Slack when one comes back. It is on <a href="https://github.example/kira/uptime-ping">GitHub</a> if anyone wants it.',
  '<blockquote>We expect full recovery within the hour.</blockquote> That was three hours ago. Please post <em>real</em> updates on the status page.',
  'Thanks to everyone in this thread, the workaround from Marcus saved our launch. Great community here.',
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function commentFeed(count: number): string {
  const items: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const author = AUTHORS[index % AUTHORS.length]!;
    const body = [0, 1, 2].map((offset) => `<p>${PARAGRAPHS[(index + offset) % PARAGRAPHS.length]}</p>`).join('\n');
    const date = new Date(Date.UTC(2026, 10, 24, 7) + index * 45_000).toUTCString();
    items.push(`<item>
  <title>Comment on Frankfurt outage, 24 November by ${escapeXml(author)}</title>
  <link>https://blog.hostwise.example/2026/11/24/frankfurt-outage/#comment-${10_000 + index}</link>
  <dc:creator><![CDATA[${author}]]></dc:creator>
  <pubDate>${date}</pubDate>
  <guid isPermaLink="false">https://blog.hostwise.example/?p=512#comment-${10_000 + index}</guid>
  <description><![CDATA[${body.replace(/<[^>]+>/g, '').slice(0, 200)}]]></description>
  <content:encoded><![CDATA[${body}]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Comments for Hostwise Blog</title>
<link>https://blog.hostwise.example</link>
<description>Comments</description>
${items.join('\n')}
</channel>
</rss>
`;
}
