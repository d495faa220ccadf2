/** package.json and src/ui/ids.ts agree: every id is written once in ids.ts and used the same way in the manifest. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agentToolContributions } from '../../../src/ui/lmTools/contributions';
import { COMMANDS, CONTEXT, SETTINGS, VIEW_CONTAINER, VIEWS } from '../../../src/ui/ids';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title?: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    viewsContainers: { activitybar: Array<{ id: string }> };
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; contents: string; when?: string }>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;
const contributed = c.commands.map((x) => x.command);
const ids = Object.values(COMMANDS) as string[];

describe('package.json agrees with src/ui/ids.ts', () => {
  it('every contributed command has an id in COMMANDS, and every id is contributed, once', () => {
    assert.deepEqual([...contributed].sort(), [...ids].sort());
    assert.equal(new Set(contributed).size, contributed.length);
  });

  it('every command has the category Bilt and a title', () => {
    for (const cmd of c.commands) {
      assert.equal(cmd.category, 'Bilt', cmd.command);
      assert.ok(cmd.title?.trim(), `${cmd.command} has no title`);
    }
  });

  it('every menu entry names a contributed command', () => {
    for (const [menu, entries] of Object.entries(c.menus)) {
      for (const e of entries) {
        assert.ok(contributed.includes(e.command), `${menu}: ${e.command}`);
      }
    }
  });

  it('every when clause uses known command, context, view and setting keys; welcome links run contributed commands', () => {
    const known = new Set<string>([...ids, ...Object.values(CONTEXT), ...Object.values(VIEWS)]);
    const props = Object.keys(c.configuration.properties);
    const whens = [...Object.values(c.menus).flat(), ...c.viewsWelcome].map((e) => e.when ?? '');
    for (const w of whens) {
      for (const [, key] of w.matchAll(/\bconfig\.(bilt\.[\w.]+)/g)) {
        assert.ok(props.includes(key!), `unknown setting ${key} in "${w}"`);
      }
      for (const [ref] of w.replace(/\bconfig\.bilt\.[\w.]+/g, '').matchAll(/\bbilt\.[\w.]+/g)) {
        assert.ok(known.has(ref), `unknown key ${ref} in "${w}"`);
      }
    }
    const links = c.viewsWelcome.flatMap((w) => [...w.contents.matchAll(/\(command:([^)\s]+)\)/g)].map((m) => m[1]!));
    assert.ok(links.length > 0);
    for (const l of links) {
      assert.ok(contributed.includes(l), `welcome link to ${l}`);
    }
  });

  it('the view container and the view ids match', () => {
    assert.deepEqual(
      c.viewsContainers.activitybar.map((v) => v.id),
      [VIEW_CONTAINER],
    );
    assert.deepEqual(Object.keys(c.views), [VIEW_CONTAINER]);
    assert.deepEqual(
      c.views[VIEW_CONTAINER]!.map((v) => v.id),
      Object.values(VIEWS),
    );
    for (const w of c.viewsWelcome) {
      assert.ok((Object.values(VIEWS) as string[]).includes(w.view), w.view);
    }
    for (const [menu, entries] of Object.entries(c.menus)) {
      for (const e of entries) {
        for (const [, view] of (e.when ?? '').matchAll(/\bview == ([\w.]+)/g)) {
          assert.ok((Object.values(VIEWS) as string[]).includes(view!), `${menu}: ${view}`);
        }
      }
    }
  });

  it('every setting key in SETTINGS is contributed under bilt., and every contributed setting has a key', () => {
    const props = Object.keys(c.configuration.properties);
    const keys = Object.entries(SETTINGS)
      .filter(([k]) => k !== 'section')
      .map(([, v]) => `${SETTINGS.section}.${v}`);
    for (const k of keys) {
      assert.ok(props.includes(k), `${k} is not contributed`);
    }
    assert.deepEqual([...props].sort(), [...keys].sort());
  });

  it('the welcome views cover every state with nothing to list', () => {
    const states = c.viewsWelcome.map(
      (w) => w.when?.match(new RegExp(`^${CONTEXT.state.replace('.', '\\.')} == (\\w+)$`))?.[1],
    );
    for (const s of ['loading', 'noServers', 'signedOut', 'unreachable', 'noProjects']) {
      assert.ok(states.includes(s), `no welcome view for ${s}`);
    }
  });
});

describe('manifest: parts derived from code are up to date', () => {
  it('languageModelTools equal the agent tools defined in src/core/contract/agentTools.ts (npm run sync-manifest)', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { languageModelTools: unknown };
    };
    assert.deepEqual(pkg.contributes.languageModelTools, JSON.parse(JSON.stringify(agentToolContributions())));
  });
});

/** Evaluates the when clauses this manifest uses (`==`, `!`, `&&` binding tighter than `||`) against settings. */
function evaluate(when: string, config: Record<string, unknown>): boolean {
  const term = (t: string): boolean => {
    const negated = t.startsWith('!');
    const [key, value] = (negated ? t.slice(1) : t).split(' == ');
    const actual = config[key!.replace(/^config\./, '')];
    const result = value === undefined ? Boolean(actual) : String(actual) === value;
    return negated ? !result : result;
  };
  return when.split(' || ').some((all) => all.split(' && ').every((t) => term(t.trim())));
}

describe('manifest: which agent tools VS Code offers (the picker hides tools by their when)', () => {
  const offered = (tools: string, readOnly: boolean) =>
    agentToolContributions()
      .filter((t) => evaluate(t.when, { 'bilt.agent.tools': tools, 'bilt.agent.readOnly': readOnly }))
      .map((t) => t.name);
  const READS = ['bilt_listProjects', 'bilt_getSession', 'bilt_getMessages'];

  it('all eight in the in-editor set (the default) and with both; none with the MCP server only, or none', () => {
    assert.equal(offered('languageModelTools', false).length, 8);
    assert.equal(offered('both', false).length, 8);
    assert.deepEqual(offered('mcpServer', false), []);
    assert.deepEqual(offered('none', false), []);
  });

  it('read-only mode: only the tools that read', () => {
    assert.deepEqual(offered('languageModelTools', true), READS);
    assert.deepEqual(offered('both', true), READS);
    assert.deepEqual(offered('mcpServer', true), []);
  });
});
