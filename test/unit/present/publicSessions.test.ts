import assert from 'node:assert/strict';
import { serverInfos, sessionChanges, sessionInfos } from '../../../src/present/publicSessions';
import { entry, snapshot, workflow } from './fixtures';

describe('present/publicSessions: what the public API says', () => {
  const running = snapshot({
    projects: [
      entry({ id: 'p1', name: 'shop' }, [
        workflow({ status: 'running', progress: { percentage: 40, currentStep: 'Building' } }),
      ]),
      entry({ id: 'p2' }),
    ],
  });

  it('servers and the sessions read so far, as plain objects', () => {
    assert.deepEqual(serverInfos([running]), [
      { id: 'local', label: 'Local engine', kind: 'local', url: undefined, state: 'ready' },
    ]);
    const [s] = sessionInfos([running]);
    assert.deepEqual(
      { ...s, updatedAt: undefined },
      {
        serverId: 'local',
        projectId: 'p1',
        projectName: 'shop',
        sessionId: 's-p1',
        status: 'running',
        pauseType: undefined,
        percentage: 40,
        step: 'Building',
        workflowId: 'w1',
        resultUrl: undefined,
        updatedAt: undefined,
      },
    );
    assert.equal(sessionInfos([running]).length, 1, 'a project never read has no session yet');
  });

  it('a change of status or pause is a change; progress alone is not', () => {
    const before = sessionInfos([running]);
    const moved = sessionInfos([
      snapshot({
        projects: [entry({ id: 'p1', name: 'shop' }, [workflow({ status: 'running', progress: { percentage: 80 } })])],
      }),
    ]);
    assert.deepEqual(sessionChanges(before, moved), []);
    const asked = sessionInfos([
      snapshot({
        projects: [
          entry({ id: 'p1', name: 'shop' }, [
            workflow({ status: 'paused', pause: { type: 'questions', questions: [] } }),
          ]),
        ],
      }),
    ]);
    const [change] = sessionChanges(before, asked);
    assert.deepEqual(
      [change?.previousStatus, change?.session.status, change?.session.pauseType],
      ['running', 'paused', 'questions'],
    );
    assert.equal(sessionChanges([], before)[0]?.previousStatus, undefined, 'a session seen for the first time');
  });
});
