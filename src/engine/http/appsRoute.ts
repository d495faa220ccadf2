/**
 * Serves each project's app, read-only, at `/apps/<projectId>/<path>` (the builder agent's result URL).
 * Only GET and HEAD; a folder means its index.html; nothing outside the app's folder (no `..`, no symlink
 * leading out) and no dotfile (`.git`, the builder's staging folder) is ever served. Every answer carries
 * a Content-Security-Policy that allows the app's own files and nothing inline, and `nosniff`.
 * No vscode, no dependencies: node:http types only.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export const APPS_PREFIX = '/apps';

/** The app's own files only: no inline code, no requests elsewhere, no form posts, no <base>. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "manifest-src 'self'; connect-src 'none'; form-action 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
  'Referrer-Policy': 'no-referrer',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const PROJECT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether a path (query left off) is one handleAppRequest answers. */
export const isAppPath = (pathname: string) => pathname === APPS_PREFIX || pathname.startsWith(`${APPS_PREFIX}/`);

/**
 * Answers a request under /apps/ and returns true; returns false (and leaves the response alone) for any
 * other URL. `resolveDir` maps a project id to its app's folder (undefined: no such project).
 */
export function handleAppRequest(
  req: IncomingMessage,
  res: ServerResponse,
  resolveDir: (projectId: string) => string | undefined,
): boolean {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  const pathname = query >= 0 ? raw.slice(0, query) : raw;
  if (!isAppPath(pathname)) {
    return false;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return true;
  }
  const segments = decodeSegments(pathname.slice(APPS_PREFIX.length + 1));
  const projectId = segments?.[0];
  if (!segments || !projectId || !PROJECT_ID.test(projectId)) {
    plain(res, 404, 'Not found');
    return true;
  }
  if (segments.length === 1) {
    redirect(res, `${encodeURIComponent(projectId)}/${query >= 0 ? raw.slice(query) : ''}`);
    return true;
  }
  const dir = resolveDir(projectId);
  if (dir === undefined) {
    plain(res, 404, 'Not found');
    return true;
  }
  void serveFile(req, res, dir, segments.slice(1)).catch(() => {
    if (!res.headersSent) {
      plain(res, 500, 'Internal error');
    } else {
      res.destroy();
    }
  });
  return true;
}

/** The path's segments, decoded; undefined when one is unsafe (dot-first, a separator, a NUL, bad escapes). */
function decodeSegments(rest: string): string[] | undefined {
  const segments: string[] = [];
  const parts = rest.split('/');
  for (const [i, part] of parts.entries()) {
    let s: string;
    try {
      s = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    const last = i === parts.length - 1;
    if ((s === '' && !last) || s.startsWith('.') || /[/\\\0]/.test(s)) {
      return undefined;
    }
    segments.push(s);
  }
  return segments;
}

/** `rel` ends with '' for a trailing slash (a folder: its index.html). */
async function serveFile(req: IncomingMessage, res: ServerResponse, dir: string, rel: string[]): Promise<void> {
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) {
    plain(res, 404, 'Nothing is built for this project yet');
    return;
  }
  let file = await inside(root, path.join(root, ...rel.filter((s) => s !== '')));
  let info = file ? await stat(file) : undefined;
  if (file && info?.isDirectory()) {
    const last = rel[rel.length - 1]!;
    if (last !== '') {
      redirect(res, `${encodeURIComponent(last)}/`);
      return;
    }
    file = await inside(root, path.join(file, 'index.html'));
    info = file ? await stat(file) : undefined;
  }
  if (!file || !info?.isFile()) {
    plain(res, 404, 'Not found');
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': info.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** The real path of `p` when it exists, is within `root` and passes through no dotfile; undefined otherwise. */
async function inside(root: string, p: string): Promise<string | undefined> {
  const real = await realpath(p).catch(() => undefined);
  if (real === undefined) {
    return undefined;
  }
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).some((s) => s.startsWith('.'))) {
    return undefined;
  }
  return real;
}

/** Relative to the request's folder, so the app also works behind a proxy's prefix (code-server's /proxy/<port>/). */
function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { ...SECURITY_HEADERS, Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Moved to ${location}\n`);
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}
