import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderSite } from '../../../../../src/engine/agents/builder/renderSite';
import { within } from '../fakeContext';
import {
  APP_URL,
  builder,
  commitCount,
  git,
  head,
  ProjectContext,
  read,
  removeAll,
  send,
  status,
  tempAppDir,
} from './builderFixture';

describe('engine/agents/builder: building an app', () => {
  const dirs: string[] = [];
  afterEach(() => removeAll(dirs));

  it('builds a landing page with a signup form: files, a passing check, a commit and the URL', async () => {
    const dir = tempAppDir(dirs);
    const { ctx, outcome } = await send(builder(), dir, 'Build a landing page with a signup form');
    assert.equal(outcome.status, 'completed');
    assert.equal(outcome.status === 'completed' && outcome.url, APP_URL('prj_test1'));
    const index = read(dir, 'index.html');
    assert.match(
      index,
      /<section class="hero"[^>]*>\n<h1 id="hero-title">Todo_App<\/h1>\n<p class="lead">A small to-do app<\/p>/,
    );
    assert.match(index, /<form class="stored-form" data-store="signups"/);
    assert.match(index, /<input type="email" id="signup-email"/);
    assert.match(read(dir, 'app.js'), /localStorage/);
    assert.ok(existsSync(path.join(dir, 'styles.css')));
    assert.deepEqual(JSON.parse(read(dir, 'site.json')).pages[0].sections, ['hero', 'signup']);
    assert.equal(commitCount(dir), 1);
    assert.equal(git(dir, 'branch', '--show-current'), 'main');
    assert.equal(
      git(dir, 'log', '-1', '--format=%an <%ae> %s'),
      'Bilt <builder@localhost> Build a landing page with a signup form',
    );
    assert.equal(status(dir), '');
    const texts = ctx.texts();
    assert.ok(
      texts.some((t) => /Planned changes for Todo_App:\n• Add a hero .*\n• Add a signup form to index.html/.test(t)),
      texts.join('\n'),
    );
    assert.ok(texts.includes('Generated index.html, styles.css, app.js, favicon.svg, site.json'));
    assert.ok(texts.includes('HTML check passed (html-validate, recommended rules)'));
    assert.ok(
      texts.some((t) => t.startsWith(`Committed ${head(dir).slice(0, 7)}: 5 files changed`)),
      texts.join('\n'),
    );
    assert.ok(
      texts.includes('Changed: added app.js, added favicon.svg, added index.html, added site.json, added styles.css'),
    );
    assert.deepEqual(ctx.said[ctx.said.length - 1], {
      text: `Your app is live at ${APP_URL('prj_test1')}`,
      variant: 'success',
    });
    assert.deepEqual(
      ctx.progresses.map((p) => [p.percentage, p.currentStep]),
      [
        [5, 'Planning'],
        [30, 'Generating files'],
        [55, 'Checking the HTML'],
        [75, 'Committing'],
        [90, 'Deploying'],
        [100, 'Deploying'],
      ],
    );
    assert.deepEqual(ctx.afterAbort, []);
  });

  it('keeps the earlier changes when a second instruction changes the page: two commits', async () => {
    const dir = tempAppDir(dirs);
    const agent = builder();
    await send(agent, dir, 'Build a landing page with a signup form');
    const first = head(dir);
    const { ctx, outcome } = await send(agent, dir, 'Add a pricing table and a footer, and switch to dark mode');
    assert.equal(outcome.status, 'completed');
    const index = read(dir, 'index.html');
    for (const part of [
      'class="hero"',
      'data-store="signups"',
      'class="pricing"',
      'class="site-footer"',
      'class="theme-dark"',
    ]) {
      assert.ok(index.includes(part), part);
    }
    assert.match(index, /© 2026 Todo_App/);
    assert.equal(commitCount(dir), 2);
    assert.equal(git(dir, 'rev-parse', 'HEAD~1'), first);
    assert.equal(git(dir, 'diff', '--name-only', 'HEAD~1', 'HEAD'), 'index.html\nsite.json');
    assert.ok(ctx.texts().includes('Changed: modified index.html, modified site.json'));
    assert.equal(status(dir), '');
    assert.match(
      outcome.status === 'completed' ? (outcome.summary ?? '') : '',
      /^Add a pricing table to index.html; .*\(commit [0-9a-f]{7}\)$/,
    );
  });

  it('adds a page with navigation on every page', async () => {
    const dir = tempAppDir(dirs);
    const agent = builder();
    await send(agent, dir, 'Build a landing page');
    await send(agent, dir, 'Add an about page');
    for (const page of ['index.html', 'about.html']) {
      const html = read(dir, page);
      assert.match(html, /<nav class="site-nav" aria-label="Pages">/);
      assert.match(html, /<a href="about.html"( aria-current="page")?>About<\/a>/);
    }
    assert.match(read(dir, 'about.html'), /<h1>About<\/h1>\n<p>A small to-do app<\/p>/);
  });

  it('escapes the project name and description everywhere, and the result still passes the check', async () => {
    const dir = tempAppDir(dirs);
    const name = '<img src=x onerror="alert(1)">';
    const description = "\"><script>alert('x')</script> & more";
    const { outcome } = await send(builder(), dir, 'Landing page with an FAQ and a footer', { name, description });
    assert.equal(outcome.status, 'completed', JSON.stringify(outcome));
    const index = read(dir, 'index.html');
    assert.ok(!index.includes('<img') && !index.includes('<script>alert'), index);
    assert.ok(index.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'));
    assert.ok(index.includes('&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more'));
  });

  it("fails the workflow with the validator's messages and leaves the previous commit", async () => {
    const dir = tempAppDir(dirs);
    await send(builder(), dir, 'Build a landing page');
    const before = head(dir);
    const broken = builder({
      render: (site, info) => {
        const files = new Map(renderSite(site, info));
        files.set('index.html', files.get('index.html')!.replace('<main>', '<main>\n<div><p>unclosed</div>'));
        return files;
      },
    });
    const { ctx, outcome } = await send(broken, dir, 'Add a contact form');
    assert.equal(outcome.status, 'failed');
    assert.match(
      outcome.status === 'failed' ? outcome.error : '',
      /^The HTML check found \d+ problem\(s\):\nindex.html:\d+:\d+: .+ \([a-z-]+\)/,
    );
    assert.ok(ctx.texts('error')[0]?.startsWith('Build failed: The HTML check found'));
    assert.equal(head(dir), before);
    assert.equal(status(dir), '');
    assert.ok(!read(dir, 'index.html').includes('contact'));
  });

  it('fails clearly when git is missing', async () => {
    const dir = tempAppDir(dirs);
    const { outcome } = await send(builder({ gitBinary: path.join(dir, 'no-such-git') }), dir, 'Build a landing page');
    assert.equal(outcome.status, 'failed');
    assert.match(
      outcome.status === 'failed' ? outcome.error : '',
      /records every change with git, but ".*no-such-git" could not be run/,
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  it('refuses a folder it did not make, and an invalid site model', async () => {
    const dir = tempAppDir(dirs);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const { outcome } = await send(builder(), dir, 'Build a landing page');
    assert.match(
      outcome.status === 'failed' ? outcome.error : '',
      /empty folder .* already has other files \(notes.txt\)/,
    );
    assert.equal(read(dir, 'notes.txt'), 'mine');

    const app = tempAppDir(dirs);
    await send(builder(), app, 'Build a landing page');
    writeFileSync(path.join(app, 'site.json'), '{"version":2}');
    git(app, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'break it');
    const second = await send(builder(), app, 'Add a footer');
    assert.match(
      second.outcome.status === 'failed' ? second.outcome.error : '',
      /^site.json is not a valid site model/,
    );
  });

  it('undoes what a run the engine could not finish left (killed mid-write) before it starts', async () => {
    const dir = tempAppDir(dirs);
    await send(builder(), dir, 'Build a landing page');
    const before = head(dir);
    // what a killed run leaves: its mark in .git, a half-written file, a new file, its staging folder
    writeFileSync(path.join(dir, '.git', 'bilt-run'), `${before}\n`);
    writeFileSync(path.join(dir, 'index.html'), 'half-written');
    writeFileSync(path.join(dir, 'pricing.html'), 'half');
    mkdirSync(path.join(dir, '.bilt-staging'));
    const { ctx, outcome } = await send(builder(), dir, 'Add a footer');
    assert.equal(outcome.status, 'completed');
    assert.ok(ctx.texts('log').includes('Undid the files an interrupted workflow left half-written'));
    assert.match(read(dir, 'index.html'), /class="site-footer"/);
    assert.ok(!existsSync(path.join(dir, 'pricing.html')));
    assert.equal(git(dir, 'rev-parse', 'HEAD~1'), before, 'no commit of the half-written files');
    assert.equal(status(dir), '');
    assert.ok(!existsSync(path.join(dir, '.git', 'bilt-run')), 'the mark goes with the run');
  });

  it('keeps changes a person made in the folder: their own commit before the workflow’s', async () => {
    const dir = tempAppDir(dirs);
    await send(builder(), dir, 'Build a landing page');
    const before = head(dir);
    writeFileSync(path.join(dir, 'notes.md'), '# my notes\n');
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'x.js'), '');
    const { ctx, outcome } = await send(builder(), dir, 'Add a footer');
    assert.equal(outcome.status, 'completed');
    assert.equal(commitCount(dir), 3);
    assert.equal(git(dir, 'rev-parse', 'HEAD~2'), before);
    assert.equal(git(dir, 'log', '-1', '--format=%s', 'HEAD~1'), 'Changes made outside Bilt');
    assert.equal(git(dir, 'show', '--format=', '--name-only', 'HEAD~1'), '.gitignore\nnotes.md');
    assert.ok(
      ctx
        .texts('log')
        .some((t) =>
          /^Kept the changes made outside Bilt as commit [0-9a-f]{7}: added \.gitignore, added notes\.md$/.test(t),
        ),
      ctx.texts('log').join('\n'),
    );
    assert.equal(read(dir, 'notes.md'), '# my notes\n');
    assert.ok(existsSync(path.join(dir, 'node_modules', 'x.js')), 'ignored files are left alone');
  });

  it('a session that builds in its own folder gets the file’s URL (the engine serves only project folders)', async () => {
    const dir = tempAppDir(dirs);
    const { ctx, outcome } = await send(builder({ appUrlFor: () => undefined }), dir, 'Build a landing page');
    const url = pathToFileURL(path.join(dir, 'index.html')).href;
    assert.deepEqual(outcome.status === 'completed' && outcome.url, url);
    assert.ok(ctx.texts('success')[0]?.startsWith(`Your app is ready at ${url}`));
  });

  it('runs two workflows on one folder one after the other', async () => {
    const dir = tempAppDir(dirs);
    const agent = builder();
    const a = agent.start(new ProjectContext('Build a landing page', dir));
    const b = agent.start(new ProjectContext('Add an FAQ', dir));
    const [oa, ob] = await within(Promise.all([a.done, b.done]), 10_000, 'both runs');
    assert.deepEqual([oa.status, ob.status], ['completed', 'completed']);
    assert.equal(commitCount(dir), 2);
    assert.match(read(dir, 'index.html'), /class="hero"[\s\S]*class="faq"/);
  });
});
