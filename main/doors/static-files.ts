import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Longer request paths are refused: the built console's longest is a few dozen characters. */
const MAX_PATH_LENGTH = 2048;

/** Why a requested path is refused before it comes near the file system, or null when it may be looked up. */
export function badStaticPath(rawPath: string): string | null {
  if (rawPath.length > MAX_PATH_LENGTH) return 'Bad request: the path is too long';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'Bad request: the path has malformed percent-encoding';
  }
  // Control characters (NUL above all, which makes fs throw) are never part of a file name we serve.
  if (/[\x00-\x1f\x7f]/.test(decoded)) return 'Bad request: the path has control characters';
  if (decoded.includes('\\')) return 'Bad request: the path has a backslash';
  if (decoded.split('/').includes('..')) return 'Bad request: the path climbs out with ..';
  return null;
}

function answer(res: ServerResponse, status: 400 | 404, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS }).end(text);
}

/**
 * Serves the built renderer for `rawPath`, the request path exactly as sent (still percent-encoded,
 * no query). A malformed or climbing path is a 400, any path outside the root or a missing file is
 * a 404, and unknown routes get the console. Never throws for anything a request can carry.
 */
export function serveStatic(rootDir: string, rawPath: string, res: ServerResponse): void {
  const problem = badStaticPath(rawPath);
  if (problem) return answer(res, 400, problem);
  const root = path.resolve(rootDir);
  const decoded = decodeURIComponent(rawPath);
  let file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return answer(res, 404, 'Not found');
  if (file === root || !path.extname(file)) file = path.join(root, 'index.html');
  try {
    fs.readFile(file, (error, body) => {
      if (error) return answer(res, 404, 'Not found');
      res
        .writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
          ...SECURITY_HEADERS,
        })
        .end(body);
    });
  } catch {
    // fs refuses some paths synchronously (ERR_INVALID_ARG_VALUE and the like): that is the request's fault.
    answer(res, 400, 'Bad request: the path cannot name a file');
  }
}
