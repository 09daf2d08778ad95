// Issue 13: an OPML import reports what happened, in the dialog and from the CLI alike: feeds
// added, feeds already subscribed, outlines skipped with the reason, and the folders Switchboard
// does not keep (it has none), named rather than silently flattened.
import { describe, expect, it } from 'vitest';
import { opmlImportReport } from '../../../common/opml-report';
import { memoryService } from '../../support/seed';

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>From NetNewsWire</title></head><body>
  <outline text="Support">
    <outline text="Hostwise status" xmlUrl="https://status.hostwise.example/comments/feed/"/>
    <outline text="Login" xmlUrl="https://user:secret@forum.example/posts.rss"/>
  </outline>
  <outline text="Community &amp; friends">
    <outline text="Nested">
      <outline text="Indie blog" xmlUrl="https://indie.example/comments/feed/"/>
    </outline>
  </outline>
  <outline text="Empty folder"/>
  <outline text="Script" xmlUrl="javascript:alert(1)"/>
  <outline text="Top level" xmlUrl="https://top.example/comments/feed/"/>
</body></opml>`;

describe('an OPML import', () => {
  it('says what it added, what was there, what it skipped and why, and which folders it did not keep', async () => {
    const service = memoryService();
    await service.client['opml-import']({ opml: '<opml version="2.0"><body><outline text="Top" xmlUrl="https://top.example/comments/feed/"/></body></opml>' });
    const result = await service.client['opml-import']({ opml: OPML });
    expect(result).toEqual({
      added: 2,
      alreadySubscribed: 1,
      skipped: [
        { url: 'https://…@forum.example/posts.rss', reason: 'web addresses with a user name or password are not fetched' },
        { url: 'javascript:alert(1)', reason: 'only http and https feeds can be fetched, not javascript' },
      ],
      droppedFolders: ['Support', 'Community & friends', 'Nested'],
    });
    expect(opmlImportReport(result)).toEqual({
      summary: 'Imported 2 feeds (1 already subscribed, 2 skipped).',
      notes: [
        'Skipped https://…@forum.example/posts.rss: web addresses with a user name or password are not fetched.',
        'Skipped javascript:alert(1): only http and https feeds can be fetched, not javascript.',
        'Folders not kept: “Support”, “Community & friends”, “Nested”. Switchboard has no folders, so their feeds came in without them.',
      ],
    });
    await service.close();
  });

  it('without folders or problems, says only the counts', async () => {
    const service = memoryService();
    const result = await service.client['opml-import']({ opml: '<opml version="2.0"><body><outline text="One" xmlUrl="https://one.example/feed/"/></body></opml>' });
    expect(opmlImportReport(result)).toEqual({ summary: 'Imported 1 feed (0 already subscribed, 0 skipped).', notes: [] });
    await service.close();
  });
});
