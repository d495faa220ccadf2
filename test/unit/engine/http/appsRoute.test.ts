import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { APP_CSP, handleAppRequest } from '../../../../src/engine/http/appsRoute';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('engine/http/appsRoute: serving apps read-only', () => {
  let root: string;
  let server: http.Server;
  let port: number;

  /** Sends the path as written (no client-side normalisation of `..`). */
  const request = (rawPath: string, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bilt-apps-'));
    const app = path.join(root, 'app');
    mkdirSync(path.join(app, '.git'), { recursive: true });
    mkdirSync(path.join(app, 'docs'));
    writeFileSync(path.join(app, 'index.html'), '<!DOCTYPE html><title>home</title>');
    writeFileSync(path.join(app, 'styles.css'), 'body{}');
    writeFileSync(path.join(app, 'app.js'), "'use strict';");
    writeFileSync(path.join(app, 'site.json'), '{}');
    writeFileSync(path.join(app, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(app, '.env'), 'SECRET=1');
    writeFileSync(path.join(app, '.git', 'config'), '[core]');
    writeFileSync(path.join(app, 'docs', 'index.html'), 'docs');
    writeFileSync(path.join(root, 'secret.txt'), 'outside');
    symlinkSync(path.join(root, 'secret.txt'), path.join(app, 'leak.txt'));
    symlinkSync(path.join(app, '.git'), path.join(app, 'git'));
    const dirs: Record<string, string> = { prj_1: app };
    server = http.createServer((req, res) => {
      if (!handleAppRequest(req, res, (id) => dirs[id])) {
        res.writeHead(418).end('not mine');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app with its type, no-cache, a tight CSP and nosniff', async () => {
    const a = await request('/apps/prj_1/');
    assert.equal(a.status, 200);
    assert.equal(a.body, '<!DOCTYPE html><title>home</title>');
    assert.equal(a.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(a.headers['cache-control'], 'no-cache');
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
    assert.equal(a.headers['content-security-policy'], APP_CSP);
    assert.match(APP_CSP, /default-src 'none'; script-src 'self'; style-src 'self'/);
    assert.doesNotMatch(APP_CSP, /unsafe-inline/);
    const types: Array<[string, string]> = [
      ['index.html', 'text/html; charset=utf-8'],
      ['styles.css', 'text/css; charset=utf-8'],
      ['app.js', 'text/javascript; charset=utf-8'],
      ['site.json', 'application/json; charset=utf-8'],
      ['logo.svg', 'image/svg+xml'],
      ['docs/', 'text/html; charset=utf-8'],
    ];
    for (const [file, type] of types) {
      const r = await request(`/apps/prj_1/${file}?v=1`);
      assert.deepEqual([r.status, r.headers['content-type']], [200, type], file);
    }
  });

  it('answers HEAD without a body', async () => {
    const a = await request('/apps/prj_1/styles.css', 'HEAD');
    assert.deepEqual([a.status, a.headers['content-length'], a.body], [200, '6', '']);
  });

  it('redirects the bare app path and a folder to their trailing slash, relative (a proxy prefix stays)', async () => {
    const bare = await request('/apps/prj_1?x=1');
    assert.deepEqual([bare.status, bare.headers.location], [301, 'prj_1/?x=1']);
    assert.equal(new URL(bare.headers.location!, 'http://h/proxy/9/apps/prj_1').pathname, '/proxy/9/apps/prj_1/');
    const folder = await request('/apps/prj_1/docs');
    assert.deepEqual([folder.status, folder.headers.location], [301, 'docs/']);
    assert.equal(new URL(folder.headers.location!, 'http://h/apps/prj_1/docs').pathname, '/apps/prj_1/docs/');
  });

  it('refuses other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const a = await request('/apps/prj_1/index.html', method);
      assert.deepEqual([a.status, a.headers.allow], [405, 'GET, HEAD'], method);
    }
  });

  it('404s dotfiles, .git, traversal, symlinks leading out, unknown projects and files', async () => {
    const paths = [
      '/apps/prj_1/.git/config',
      '/apps/prj_1/.git',
      '/apps/prj_1/.env',
      '/apps/prj_1/git/config',
      '/apps/prj_1/leak.txt',
      '/apps/prj_1/../../etc/passwd',
      '/apps/prj_1/../secret.txt',
      '/apps/prj_1/%2e%2e/secret.txt',
      '/apps/prj_1/%2e%2e/%2e%2e/etc/passwd',
      '/apps/prj_1/%2E%2E%2Fsecret.txt',
      '/apps/prj_1/..%5csecret.txt',
      '/apps/prj_1//etc/passwd',
      '/apps/prj_1/index.html%00.txt',
      '/apps/prj_1/%zz',
      '/apps/prj_1/missing.html',
      '/apps/prj_2/',
      '/apps/../apps/prj_1/',
      '/apps/',
      '/apps',
    ];
    for (const p of paths) {
      const a = await request(p);
      assert.equal(a.status, 404, p);
      assert.ok(!a.body.includes('outside') && !a.body.includes('[core]'), p);
    }
  });

  it('leaves other URLs to the caller', async () => {
    assert.equal((await request('/api/sessions')).status, 418);
    assert.equal((await request('/appsx/prj_1/')).status, 418);
  });
});
