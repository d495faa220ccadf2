/**
 * The builder agent end to end (docs/BUILDER.md), against the built engine with `--agent builder`: a send
 * writes the app's files, passes the HTML check and ends with a URL the engine answers without the token;
 * a second instruction keeps the first one's changes; a cancel after the workflow's commit leaves the
 * commit before it (the engine restarted with `--builder-hold-at deploy`); an instruction the builder does
 * not know pauses with a question whose answer continues it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { until } from '../support/until';
import { tempDir } from '../support/tmp';
import { startEngine, type RunningEngine } from './support/engine';
import { newSession, sessionReaches, uniqueName } from './support/fixture';
import { connectSeed, type SeedClient } from './support/mcp';

const FIRST = 'Build a landing page with a signup form';
const SECOND = 'Add a pricing table and a footer';
const WAIT = { timeout: 60_000 };

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

/** The page (or file) at `url`, fetched as a browser would: no token. */
async function open(url: string): Promise<{ status: number; type: string | null; csp: string | null; body: string }> {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    csp: res.headers.get('content-security-policy'),
    body: await res.text(),
  };
}

/** The status of a GET with the Host header a proxy or a rebinding page would send. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

async function logOf(seed: SeedClient, sessionId: string): Promise<string[]> {
  const { messages } = await seed.call('bilt_get_messages', { session_id: sessionId, limit: 100 });
  return messages.map((m) => m.message).reverse();
}

interface Builder {
  engine: RunningEngine;
  seed: SeedClient;
  dataDir: string;
  stop(): Promise<void>;
}

async function builderEngine(dataDir = tempDir('bilt-builder-'), flags: string[] = []): Promise<Builder> {
  const engine = await startEngine({ agent: 'builder', dataDir, flags });
  const seed = await connectSeed(engine.ready);
  return {
    engine,
    seed,
    dataDir,
    stop: async () => {
      await seed.close().catch(() => undefined);
      await engine.stop();
    },
  };
}

/** A new project and what one instruction made of it (waiting for the end). */
async function build(b: Builder, message: string, name = uniqueName('shop')) {
  const { projectId, sessionId } = await newSession(b.seed, name);
  const sent = await b.seed.call(
    'bilt_send_message',
    { session_id: sessionId, message, wait_for_response: true },
    WAIT,
  );
  return { projectId, sessionId, sent, appDir: path.join(b.dataDir, 'projects', name), name };
}

describe('wire: the builder agent builds an app the engine serves', function () {
  this.timeout(90_000);
  let b: Builder;
  before(async function () {
    this.timeout(20_000);
    b = await builderEngine();
  });
  after(async () => b?.stop());

  it('a send produces files, a passing check and a URL that answers 200 with the page (no token)', async () => {
    const { projectId, sessionId, sent, appDir, name } = await build(b, FIRST);
    assert.equal(sent.status, 'completed', JSON.stringify(sent));
    const url = `${b.engine.ready.url}/apps/${projectId}/`;
    assert.equal(sent.result_url, url);

    assert.deepEqual(readdirSync(appDir).sort(), [
      '.git',
      'app.js',
      'favicon.svg',
      'index.html',
      'site.json',
      'styles.css',
    ]);
    assert.equal(git(appDir, 'rev-list', '--count', 'HEAD'), '1');
    assert.equal(git(appDir, 'status', '--porcelain'), '');
    const log = await logOf(b.seed, sessionId);
    for (const line of [
      'Generated index.html, styles.css, app.js, favicon.svg, site.json',
      'HTML check passed (html-validate, recommended rules)',
      `Your app is live at ${url}`,
    ]) {
      assert.ok(log.includes(line), `the log lacks "${line}":\n${log.join('\n')}`);
    }
    assert.ok(
      log.some((l) => l.startsWith(`Committed ${git(appDir, 'rev-parse', '--short=7', 'HEAD')}: 5 files changed`)),
      log.join('\n'),
    );

    const page = await open(url);
    assert.deepEqual([page.status, page.type], [200, 'text/html; charset=utf-8']);
    assert.equal(page.body, readFileSync(path.join(appDir, 'index.html'), 'utf8'));
    assert.match(page.body, new RegExp(`<h1 id="hero-title">${name}</h1>`));
    assert.match(page.body, /<form class="stored-form" data-store="signups"/);
    assert.match(page.csp ?? '', /default-src 'none'; script-src 'self'/);
    assert.deepEqual(
      [(await open(`${url}styles.css`)).type, (await open(`${url}app.js`)).type],
      ['text/css; charset=utf-8', 'text/javascript; charset=utf-8'],
    );
    assert.equal((await open(`${url}.git/config`)).status, 404, 'the repository is never served');
    // a local proxy (code-server's port forwarding) keeps its own Host; another name is still refused
    assert.equal(await statusWithHost(url, '127.0.0.1:1'), 200);
    assert.equal(await statusWithHost(url, 'evil.example'), 403);
    assert.equal((await fetch(url, { method: 'POST' })).status, 405, 'read-only');
    assert.equal((await open(`${b.engine.ready.url}/engine/info`)).status, 401, 'the rest still needs the token');
  });

  it('a second instruction changes the page and keeps the first change: two commits', async () => {
    const { sessionId, sent: first, appDir } = await build(b, FIRST);
    const before = await open(first.result_url!);
    const second = await b.seed.call(
      'bilt_send_message',
      { session_id: sessionId, message: SECOND, wait_for_response: true },
      WAIT,
    );
    assert.equal(second.status, 'completed', JSON.stringify(second));
    assert.equal(second.result_url, first.result_url);
    const after = await open(second.result_url!);
    assert.equal(after.status, 200);
    assert.notEqual(after.body, before.body);
    for (const part of ['class="hero"', 'data-store="signups"', 'class="pricing"', 'class="site-footer"']) {
      assert.ok(after.body.includes(part), `the page lacks ${part}`);
    }
    assert.equal(git(appDir, 'rev-list', '--count', 'HEAD'), '2');
    assert.equal(git(appDir, 'log', '--format=%s'), `${SECOND}\n${FIRST}`);
    assert.ok((await logOf(b.seed, sessionId)).includes('Changed: modified index.html, modified site.json'));
  });

  it('an unknown instruction pauses with a question; the answer continues it', async () => {
    const { sessionId, sent, appDir } = await build(b, 'Make it feel more awesome');
    assert.equal(sent.status, 'paused', JSON.stringify(sent));
    assert.equal(sent.pause?.type, 'questions');
    assert.match(sent.pause?.message ?? '', /I don't know how to build "Make it feel more awesome" yet/);
    const question = sent.pause!.questions![0]!;
    assert.equal(question.question, 'What should I build?');
    assert.ok(question.options.includes('A pricing table') && question.options.includes('An FAQ'));
    assert.equal(question.multi_select, true);
    assert.deepEqual(readdirSync(appDir), ['.git'], 'nothing is built before the answer');

    await b.seed.call('bilt_resume_workflow', {
      session_id: sessionId,
      answers: [{ question_index: 0, selected_options: ['An FAQ'], text: 'and a dark theme' }],
    });
    const done = await sessionReaches(b.seed, sessionId, ['completed', 'failed'], 30_000);
    assert.equal(done.status, 'completed', JSON.stringify(done));
    const page = await open(done.workflows![0]!.result_url!);
    assert.equal(page.status, 200);
    assert.match(page.body, /class="theme-dark"/);
    assert.match(page.body, /<section class="faq"/);
    assert.equal(git(appDir, 'log', '--format=%s'), 'Make it feel more awesome');
  });
});

describe('wire: cancelling a builder workflow', function () {
  this.timeout(90_000);
  const running: Builder[] = [];
  after(async () => Promise.all(running.map((b) => b.stop())));

  it('a cancel after the workflow committed leaves the previous commit and a clean folder', async () => {
    const dataDir = tempDir('bilt-builder-cancel-');
    const first = await builderEngine(dataDir);
    running.push(first);
    const { projectId, sessionId, sent, appDir } = await build(first, FIRST);
    assert.equal(sent.status, 'completed');
    const previous = git(appDir, 'rev-parse', 'HEAD');
    const page = readFileSync(path.join(appDir, 'index.html'), 'utf8');
    await first.stop();

    // the same data dir, every workflow held as its deploy step starts (after its commit)
    const held = await builderEngine(dataDir, ['--builder-hold-at', 'deploy']);
    running.push(held);
    await held.seed.call('bilt_send_message', { session_id: sessionId, message: SECOND });
    await until(
      async () => {
        const s = await held.seed.call('bilt_get_session', { session_id: sessionId });
        return s.progress?.current_step === 'Deploying';
      },
      'the workflow to reach its deploy step',
      30_000,
    );
    assert.notEqual(git(appDir, 'rev-parse', 'HEAD'), previous, 'the workflow made its commit');
    assert.match(readFileSync(path.join(appDir, 'index.html'), 'utf8'), /class="pricing"/);

    const cancelled = await held.seed.call('bilt_cancel_workflow', { session_id: sessionId, reason: 'not now' });
    assert.equal(cancelled.status, 'cancelled');
    await until(
      () => git(appDir, 'rev-parse', 'HEAD') === previous && git(appDir, 'status', '--porcelain') === '',
      'the folder back at the previous commit',
      20_000,
    );
    await until(() => !existsSync(path.join(appDir, '.git', 'bilt-run')), 'the run to end', 20_000);
    assert.equal(git(appDir, 'rev-list', '--count', 'HEAD'), '1');
    assert.equal(readFileSync(path.join(appDir, 'index.html'), 'utf8'), page);
    const served = await open(`${held.engine.ready.url}/apps/${projectId}/`);
    assert.deepEqual([served.status, served.body], [200, page]);
    const session = await held.seed.call('bilt_get_session', { session_id: sessionId });
    assert.equal(session.workflows![0]!.status, 'cancelled');
    assert.equal(session.workflows![0]!.result_url, null);
  });
});
