import assert from 'node:assert/strict';
import { problemReport } from '../../../src/present/diagnostics';

describe('present/diagnostics: the problem report', () => {
  const facts = {
    extension: '0.1.0',
    vscode: '1.139.1',
    node: 'v24.21.0',
    platform: 'linux x64',
    settings: { 'bilt.agent.tools': 'languageModelTools', 'bilt.servers': [{ url: 'https://mcp.bilt.me/mcp' }] },
    servers: [
      { label: 'Local engine', kind: 'local' as const, speaks: 'mcp-seed', live: true, state: 'ready', projects: 2 },
      {
        label: 'Gateway',
        kind: 'remote' as const,
        url: 'http://127.0.0.1:18790',
        speaks: 'session-api',
        live: false,
        state: 'ready',
        projects: 1,
        missing: ['no message history'],
      },
    ],
    engine: { name: 'bilt-engine', version: '0.1.0', pid: 42 },
    logLines: ['connected with token tok-secret-1234', 'Authorization: Bearer bilt_live_abcdefghijklmnop'],
    secrets: ['tok-secret-1234'],
  };

  it('says the versions, each server (what it speaks, push or poll, what it lacks), the engine, the settings and the log', () => {
    const text = problemReport(facts);
    for (const line of [
      '- Bilt for VS Code 0.1.0',
      '- VS Code 1.139.1',
      '- **Local engine** (local engine): ready, speaks `mcp-seed`, pushes changes, 2 projects',
      '- **Gateway** (`http://127.0.0.1:18790`): ready, speaks `session-api`, polled, 1 project; lacks: no message history',
      '"bilt.agent.tools": "languageModelTools"',
      '"pid": 42',
      '## The last 2 log lines',
    ]) {
      assert.ok(text.includes(line), `missing: ${line}`);
    }
  });

  it('redacts every token it knows and every token-shaped value', () => {
    const text = problemReport(facts);
    assert.doesNotMatch(text, /tok-secret-1234|bilt_live_abcdefghijklmnop/);
    assert.match(text, /connected with token «redacted»/);
  });
});
