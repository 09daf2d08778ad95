// Node's socket, DNS, TLS and abort errors, as FeedErrors with a sentence a moderator can read.
import { FeedError } from '../errors';

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the name lookup failed for now',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
};

/** A plain sentence for a socket/DNS/TLS/HTTP-parser error; the original error (with its `code`)
 *  stays available as the FeedError's cause. */
export function networkError(error: unknown, host: string, duringBody = false): FeedError {
  if (error instanceof FeedError) return error;
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? '');
  if (duringBody) return new FeedError('network', `the connection to ${host} was cut off during the download`, { cause: error });
  if (code.startsWith('HPE_')) return new FeedError('network', `${host} sent a malformed HTTP response (${code})`, { cause: error });
  let reason = REASONS[code];
  if (!reason && /CERT|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) reason = `its security certificate or TLS setup is not valid (${code})`;
  reason ??= code ? `error ${code}` : error instanceof Error ? error.message : String(error);
  return new FeedError('network', `could not connect to ${host}: ${reason}`, { cause: error });
}

/** The FeedError for an aborted signal. A FeedError reason is used as is; AbortSignal.timeout()
 *  is a timeout; any other abort is a cancellation, reported as 'network' (not a server fault). */
export function abortError(reason: unknown): FeedError {
  if (reason instanceof FeedError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') return new FeedError('timeout', 'the fetch was stopped after its time limit', { cause: reason });
  return new FeedError('network', 'the fetch was cancelled', { cause: reason });
}
