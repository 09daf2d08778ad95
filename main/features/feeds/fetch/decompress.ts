// Streams that undo a response's Content-Encoding. Streaming (never zlib.gunzipSync on the whole
// body) is what lets the fetcher count bytes after decompression and stop a gzip bomb early.
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { FeedError } from '../errors';

// Like browsers and curl, accept a stream that was cut short: output what decoded so far and let
// the feed parser judge the text, instead of failing on a missing gzip trailer.
const lenientZlib: zlib.ZlibOptions = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const lenientBrotli: zlib.BrotliOptions = { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };

/** True when the first two bytes are a valid zlib (RFC 1950) header: CM=8 and the check bits. */
function looksLikeZlib(head: Buffer): boolean {
  const cmf = head[0] ?? 0;
  const flg = head[1] ?? 0;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * "deflate" is meant to be zlib-wrapped, but some servers send raw deflate (RFC 1951). Waits for
 * the first two bytes, then hands the stream to Inflate or InflateRaw accordingly.
 */
class AutoInflate extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;
  private head: Buffer = Buffer.alloc(0);

  private start(head: Buffer): zlib.Inflate | zlib.InflateRaw {
    const inner = looksLikeZlib(head) ? zlib.createInflate(lenientZlib) : zlib.createInflateRaw(lenientZlib);
    inner.on('data', (chunk: Buffer) => this.push(chunk));
    inner.on('error', (error) => this.destroy(error));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner) {
      this.inner.write(chunk, () => callback());
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    if (this.head.length < 2) return callback();
    const head = this.head;
    this.head = Buffer.alloc(0);
    this.start(head).write(head, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inner && this.head.length === 0) return callback();
    const inner = this.inner ?? this.start(this.head);
    if (this.head.length > 0) inner.write(this.head);
    inner.once('end', () => callback());
    inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

/**
 * The decoders for a Content-Encoding header, in the order the body must pass through them
 * ("gzip, br" means gzip was applied first, so br is undone first). Empty for identity.
 * Throws FeedError('parse') for a coding we cannot undo.
 */
export function createDecoders(contentEncoding: string | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > 3) throw new FeedError('parse', 'the server compressed the feed too many times');
  return codings.reverse().map((coding): Transform => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip(lenientZlib);
      case 'deflate':
        return new AutoInflate();
      case 'br':
        return zlib.createBrotliDecompress(lenientBrotli);
      default:
        throw new FeedError('parse', `the server used a compression we do not support (${coding.slice(0, 40)})`);
    }
  });
}
