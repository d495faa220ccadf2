/**
 * agent_id and data over the wire: ids in the gateway style (any case, `-` or `_`), the engine's
 * default agent for sessions that name none, a COMMAND session on an emulator engine running the
 * --agent-command in its data.workdir with its data.model, and a paused COMMAND run really stopped
 * (SIGSTOP) until it continues. The command is test/fixtures/agents/session-echo.mjs.
 */
import assert from 'node:assert/strict';
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiSession, MessagesResult, SessionList } from '../../src/core/contract/sessionApi';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';
import { newSession, useEngine, uniqueName } from './support/fixture';
import { apiClient, apiSessionReaches, type ApiClient } from './support/sessionApi';

const ECHO = path.resolve(__dirname, '../fixtures/agents/session-echo.mjs');
const linux = process.platform === 'linux';

async function infoLines(api: ApiClient, id: string): Promise<Record<string, string>> {
  const { messages } = await api.ok(MessagesResult, 'GET', `/api/sessions/${id}/messages`);
  const lines: Record<string, string> = {};
  for (const m of messages) {
    const match = /^(cwd|model|args|pid)=(.*)$/.exec(m.content);
    if (match) {
      lines[match[1]!] = match[2]!;
    }
  }
  return lines;
}

/** The state letter of a process in /proc (T: stopped). */
function procState(pid: number): string | undefined {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}

describe('wire: Session API agent choice (emulator engine with --agent-command)', () => {
  const t = useEngine({ scenario: 'quick.json', flags: ['--agent-command', `"${process.execPath}" "${ECHO}"`] });
  const api = apiClient(() => t.engine.ready);

  it('agent ids are reported in the gateway style whatever their case or separator; MCP sessions use the default', async () => {
    const cases: Array<[string, string]> = [
      ['emulator', 'EMULATOR'],
      ['Emulator', 'EMULATOR'],
      ['EMULATOR', 'EMULATOR'],
      ['claude-code', 'CLAUDE_CODE'],
      ['Claude_Code', 'CLAUDE_CODE'],
      ['CLAUDE-CODE', 'CLAUDE_CODE'],
      ['codex', 'CODEX'],
      ['command', 'COMMAND'],
    ];
    const task = uniqueName('agents');
    for (const [given, reported] of cases) {
      const s = await api.create({ agent_id: given, task_id: task });
      assert.equal(s.agent_id, reported, given);
      assert.equal((await api.session(s.id)).agent_id, reported);
    }
    const { sessionId } = await newSession(t.seed);
    assert.equal((await api.session(sessionId)).agent_id, 'EMULATOR', 'the engine’s --agent');
    const claude = await api.ok(SessionList, 'GET', `/api/sessions?task_id=${task}&agent_id=claude-code`);
    assert.equal(claude.sessions.length, 3);
  });

  it('a COMMAND session runs the command in data.workdir with data.model; an EMULATOR session beside it runs the emulator', async () => {
    const workdir = tempDir('bilt-session-workdir-');
    const task = uniqueName('chosen');
    const command = await api.create({
      agent_id: 'COMMAND',
      task_id: task,
      prompt: 'Echo yourself',
      data: { workdir, model: 'gpt-5.1-codex' },
    });
    const emulated = await api.create({ agent_id: 'EMULATOR', task_id: task, prompt: 'Build' });
    const done = await apiSessionReaches(api, command.id, ['completed', 'failed']);
    assert.deepEqual([done.status, done.result_url], ['completed', 'https://session-echo.example']);
    const info = await infoLines(api, command.id);
    assert.deepEqual(
      [info['cwd'], info['model'], info['args']],
      [realpathSync(workdir), 'gpt-5.1-codex', ''],
      'the plain command agent gets the model as BILT_MODEL, not as an argument',
    );
    const other = await apiSessionReaches(api, emulated.id, ['completed']);
    assert.equal(other.result_url, `https://${task.toLowerCase()}.quick.test`);

    const plain = await api.create({ agent_id: 'command', task_id: uniqueName('plain'), prompt: 'Echo' });
    await apiSessionReaches(api, plain.id, ['completed']);
    const plainInfo = await infoLines(api, plain.id);
    assert.deepEqual(
      [plainInfo['cwd'], plainInfo['model']],
      [realpathSync(path.join(t.engine.ready.dataDir, 'projects', plain.task_id!)), ''],
      'without data.workdir: the project’s folder under the data dir',
    );
  });

  it('a workdir that disappeared before the work starts fails the workflow with a clear error', async () => {
    const workdir = tempDir('bilt-session-gone-');
    const s = await api.create({ agent_id: 'COMMAND', task_id: uniqueName('gone'), data: { workdir } });
    rmSync(workdir, { recursive: true });
    await api.raw('POST', `/api/sessions/${s.id}/message`, { content: 'Echo' });
    const failed = await apiSessionReaches(api, s.id, ['failed']);
    assert.equal(failed.workflow_status, 'failed');
    const { messages } = await api.ok(MessagesResult, 'GET', `/api/sessions/${s.id}/messages`);
    assert.equal(messages.at(-1)!.content, `Workflow failed: data.workdir ${JSON.stringify(workdir)} does not exist`);
  });

  (linux ? it : it.skip)('PATCH paused stops the command’s processes (SIGSTOP); active continues them', async () => {
    const dir = tempDir('bilt-session-wait-');
    const flag = path.join(dir, 'go');
    const s = await api.create({ agent_id: 'COMMAND', task_id: uniqueName('stopped'), prompt: `wait-for ${flag}` });
    const pid = Number(
      await until(async () => (await infoLines(api, s.id))['pid'], 'the command to report its pid', 10_000),
    );
    await until(async () => (await api.session(s.id)).progress?.percentage === 10, 'the command to be waiting');
    const paused = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'paused' });
    assert.deepEqual([paused.status, paused.workflow_status, paused.pause_type], ['paused', 'paused', null]);
    await until(() => procState(pid) === 'T', 'the process to be stopped');
    const resumed = await api.ok(ApiSession, 'PATCH', `/api/sessions/${s.id}`, { status: 'active' });
    assert.deepEqual([resumed.status, resumed.workflow_status], ['active', 'running']);
    await until(() => procState(pid) !== 'T', 'the process to run again');
    writeFileSync(flag, 'go');
    const done = await apiSessionReaches(api, s.id, ['completed']);
    assert.equal(done.result_url, 'https://session-echo.example');
  });
});
