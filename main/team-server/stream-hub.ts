// The open change streams (GET /stream, server-sent events): a doorbell on each of them when the
// log grows, who is online, and a heartbeat comment so a dead connection is noticed on both ends.
import type http from 'node:http';
import { STREAM_HEARTBEAT_MS, type PresenceAnswer, type TeamModerator } from '../../common/team-wire';

interface Stream {
  moderator: TeamModerator;
  tokenHash: string;
  since: number;
  response: http.ServerResponse;
}

export interface StreamHub {
  open(moderator: TeamModerator, tokenHash: string, response: http.ServerResponse, head: number): void;
  /** Rings every stream: the log's head is now `head`. */
  ring(head: number): void;
  presence(): PresenceAnswer;
  /** Closes every stream whose token is not in `valid` (revoked meanwhile). */
  closeUnless(valid: (tokenHash: string) => boolean): void;
  tokenHashes(): string[];
  closeAll(): void;
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createStreamHub(heartbeatMs = STREAM_HEARTBEAT_MS): StreamHub {
  const streams = new Set<Stream>();
  let lastHead = 0;

  const presence = (): PresenceAnswer => {
    const online = new Map<string, PresenceAnswer['online'][number]>();
    for (const stream of streams) {
      const known = online.get(stream.moderator.name);
      if (!known || stream.since < known.since) online.set(stream.moderator.name, { name: stream.moderator.name, role: stream.moderator.role, since: stream.since });
    }
    return { online: [...online.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  };
  const broadcast = (text: string) => {
    for (const stream of streams) stream.response.write(text);
  };
  const heartbeat = setInterval(() => broadcast(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();

  const close = (stream: Stream) => {
    if (!streams.delete(stream)) return;
    stream.response.end();
    broadcast(frame('presence', presence()));
  };

  return {
    open(moderator, tokenHash, response, head) {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      const stream: Stream = { moderator, tokenHash, since: Date.now(), response };
      streams.add(stream);
      response.on('close', () => close(stream));
      // Once on connect: a desktop that was away reads what it missed straight away.
      lastHead = Math.max(lastHead, head);
      response.write(frame('change', { head: lastHead }));
      broadcast(frame('presence', presence()));
    },
    ring(head) {
      lastHead = Math.max(lastHead, head);
      broadcast(frame('change', { head: lastHead }));
    },
    presence,
    closeUnless(valid) {
      for (const stream of [...streams]) if (!valid(stream.tokenHash)) close(stream);
    },
    tokenHashes: () => [...new Set([...streams].map((stream) => stream.tokenHash))],
    closeAll() {
      clearInterval(heartbeat);
      for (const stream of [...streams]) close(stream);
    },
  };
}
