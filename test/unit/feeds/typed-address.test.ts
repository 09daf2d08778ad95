// Issue 13, the subscribe dialog: an address typed without a scheme is tried as https, then as
// http when https cannot be reached; a failure reads as a sentence, its category left to feed health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { sentence } from '../../../common/errors';
import { createService, type Service } from '../../../main/app/service';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { addressesToTry } from '../../../main/features/feeds/typed-address';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

function service(): Service {
  return createService({ db: openDatabase(':memory:'), dbPath: ':memory:', version: '0.0.0-test', runner: inProcessRunner() });
}

describe('an address typed without https://', () => {
  it('is tried as https, then http; one with a scheme (or a port and no scheme) as written', () => {
    expect(addressesToTry(' blog.example.com/feed ')).toEqual(['https://blog.example.com/feed', 'http://blog.example.com/feed']);
    expect(addressesToTry('localhost:8080/feed')).toEqual(['https://localhost:8080/feed', 'http://localhost:8080/feed']);
    expect(addressesToTry('http://blog.example.com/')).toEqual(['http://blog.example.com/']);
    expect(addressesToTry('javascript:alert(1)')).toEqual(['javascript:alert(1)']);
  });

  it('finds and subscribes to a feed served only over http', async () => {
    const app = service();
    const typed = `127.0.0.1:${server.port}/feeds/atom10.xml`;
    const [found] = await app.client['feeds-discover']({ url: typed });
    expect(found).toMatchObject({ url: `http://${typed}`, kind: 'comments' });
    const subscribed = await app.client['feeds-subscribe']({ url: typed, allowLocal: true });
    expect(subscribed.feed.url).toBe(`http://${typed}`);
    expect(subscribed.fetch).toMatchObject({ status: 'ok', newItems: 4 });
    await app.close();
  });

  it('that is no address at all says so about what was typed', async () => {
    const app = service();
    const failure = await app.client['feeds-subscribe']({ url: 'my blog' }).catch((error: unknown) => error);
    expect(sentence(failure)).toBe('“my blog” is not a web address; type one like blog.example.com, or paste the whole address.');
    await app.close();
  });

  it('that neither https nor http reaches says both were tried', async () => {
    const app = service();
    const closed = await startFixtureServer();
    const typed = `127.0.0.1:${closed.port}/feed`;
    await closed.close();
    const failure = await app.client['feeds-discover']({ url: typed }).catch((error: unknown) => error);
    expect(sentence(failure)).toMatch(new RegExp(`^Neither https://${typed.replace(/\./g, '\\.')} nor http://${typed.replace(/\./g, '\\.')} could be reached: .+\\.$`));
    await app.close();
  });
});

describe('a subscribe failure, as the moderator reads it', () => {
  it('is a sentence with no stage prefix and no category code', async () => {
    const app = service();
    const failure = await app.client['feeds-discover']({ url: server.url('/pages/no-feed.html') }).catch((error: unknown) => error);
    expect(sentence(failure)).toBe('This page links no RSS or Atom feed; paste the address of its comment feed instead.');
    await app.close();
  });
});
