/**
 * CI step: the official MCP Inspector (CLI mode) against the bundled bridge, which starts its own local
 * engine in a throwaway data dir. Lists the tools, creates a project through a tool call and lists
 * projects; fails loudly if anything is off.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const inspector = path.join(root, 'node_modules/.bin/mcp-inspector');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bilt-inspector-'));

function inspect(...args: string[]): Record<string, unknown> {
  const out = execFileSync(
    inspector,
    ['--cli', process.execPath, path.join(root, 'dist/bridge.js'), '-e', `BILT_ENGINE_DATA_DIR=${dataDir}`, ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, MCP_CATALOG_PATH: path.join(dataDir, 'catalog.json') },
    },
  );
  return JSON.parse(out.slice(out.indexOf('{'))) as Record<string, unknown>;
}

function check(ok: boolean, what: string): void {
  if (!ok) {
    throw new Error(`inspector check failed: ${what}`);
  }
  console.log(`ok - ${what}`);
}

try {
  const list = inspect('--method', 'tools/list') as { tools: Array<{ name: string }> };
  check(
    list.tools.length === 8 && list.tools.every((t) => t.name.startsWith('bilt_')),
    `tools/list shows the 8 Bilt tools (${list.tools.map((t) => t.name).join(', ')})`,
  );
  const created = inspect(
    '--method',
    'tools/call',
    '--tool-name',
    'bilt_create_project',
    '--tool-arg',
    'name=inspector-check',
  ) as { structuredContent?: { name?: string; id?: string } };
  check(created.structuredContent?.name === 'inspector-check', 'tools/call bilt_create_project creates a project');
  const projects = inspect('--method', 'tools/call', '--tool-name', 'bilt_list_projects') as {
    structuredContent?: { projects?: Array<{ id: string }> };
  };
  check(
    projects.structuredContent?.projects?.some((p) => p.id === created.structuredContent?.id) === true,
    'tools/call bilt_list_projects lists it',
  );
} finally {
  try {
    execFileSync(process.execPath, [path.join(root, 'dist/engine.js'), 'stop', '--data-dir', dataDir], {
      stdio: 'ignore',
    });
  } catch {
    // no engine left to stop
  }
  rmSync(dataDir, { recursive: true, force: true });
}
