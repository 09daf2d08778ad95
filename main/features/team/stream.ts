// Follows the team server's event stream (server-sent events over fetch): every `change` is a
// doorbell (read /changes since the cursor), `presence` says who is connected. A connection that
// goes quiet for longer than two heartbeats is taken for dead and dropped.
import { STREAM_HEARTBEAT_MS, type PresenceAnswer } from '../../../common/team-wire';
import { TeamUnreachable, teamUrl, type TeamCall } from './http';
import { TeamRefusal } from './http';

export interface StreamHandlers {
  opened(): void;
  change(head: number): void;
  presence(presence: PresenceAnswer): void;
}

/** Reads one connection of the stream until it ends, fails or `signal` aborts. */
export async function followStream(call: TeamCall, handlers: StreamHandlers, signal: AbortSignal, quietMs = 2 * STREAM_HEARTBEAT_MS): Promise<void> {
  const quiet = new AbortController();
  const abort = () => quiet.abort();
  signal.addEventListener('abort', abort);
  let timer: NodeJS.Timeout | undefined;
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => quiet.abort(), quietMs);
  };
  try {
    heard();
    let response: Response;
    try {
      response = await call.fetch(teamUrl(call.serverUrl, '/stream'), { headers: { accept: 'text/event-stream', authorization: `Bearer ${call.token}` }, signal: quiet.signal });
    } catch (error) {
      throw new TeamUnreachable(error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error));
    }
    if (!response.ok || !response.body) throw new TeamRefusal(response.status, response.status === 401 ? 'unauthorized' : 'unavailable', `the stream answered HTTP ${response.status}`);
    handlers.opened();
    const decoder = new TextDecoder();
    let buffer = '';
    let event = 'message';
    let data = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      heard();
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data) dispatch(handlers, event, data);
          event = 'message';
          data = '';
        } else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data += (data ? '\n' : '') + line.slice(5).trimStart();
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    if (quiet.signal.aborted) throw new TeamUnreachable('the stream went quiet (no heartbeat)');
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
  }
}

function dispatch(handlers: StreamHandlers, event: string, data: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return;
  }
  if (event === 'change') handlers.change(Number((parsed as { head?: unknown }).head ?? 0));
  else if (event === 'presence') handlers.presence(parsed as PresenceAnswer);
}
