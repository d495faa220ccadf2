/**
 * A command agent's processes do not outlive a killed engine: they run in their own process groups,
 * which the engine records in its data dir when they start; the next engine on that data dir stops
 * the groups still alive before it marks their workflows interrupted.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { canSeeProcesses, killProcessesOf, processesOf } from '../support/agentProcesses';
import { startEngine } from '../support/engineProcess';
import { TestMcp } from '../support/mcpClient';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';

const STUBBORN = path.resolve(__dirname, '../fixtures/faults/stubborn.cjs');

(canSeeProcesses ? describe : describe.skip)('command agent processes after the engine is killed', function () {
  this.timeout(40_000);
  const workflows = new Set<string>();
  after(() => killProcessesOf(workflows));

  it('are stopped by the next engine on the data dir, and their workflows are interrupted', async () => {
    const dataDir = tempDir();
    const args = [
      '--data-dir',
      dataDir,
      '--agent',
      'command',
      '--agent-command',
      `"${process.execPath}" "${STUBBORN}"`,
    ];
    const first = await startEngine(args);
    const mcp = await TestMcp.connect(first.ready.mcpUrl, first.ready.token);
    const started: Array<{ sessionId: string; workflowId: string }> = [];
    for (const name of ['orphan-a', 'orphan-b']) {
      const p = await mcp.call<{ id: string }>('bilt_create_project', { name });
      const s = await mcp.call<{ session_id: string }>('bilt_get_session', { project_id: p.id });
      const sent = await mcp.call<{ workflow_id: string }>('bilt_send_message', {
        session_id: s.session_id,
        message: 'seconds=600',
      });
      workflows.add(sent.workflow_id);
      started.push({ sessionId: s.session_id, workflowId: sent.workflow_id });
    }
    // each run is a shell, the fixture and its child: wait until all are up
    await until(() => processesOf(workflows).length >= 4, 'the agent processes to start', 10_000);
    await mcp.close();
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(processesOf(workflows).length >= 4, 'the killed engine left its agents running');

    const second = await startEngine(args);
    try {
      await until(() => processesOf(workflows).length === 0, 'the leftover agent processes to be stopped', 10_000);
      const again = await TestMcp.connect(second.ready.mcpUrl, second.ready.token);
      for (const { sessionId, workflowId } of started) {
        const s = await again.call<{ workflows: Array<{ workflow_id: string; status: string; interrupted: boolean }> }>(
          'bilt_get_session',
          { session_id: sessionId },
        );
        const w = s.workflows.find((x) => x.workflow_id === workflowId);
        assert.deepEqual([w?.status, w?.interrupted], ['failed', true]);
      }
      await again.close();
    } finally {
      await second.stop();
    }
  });
});
