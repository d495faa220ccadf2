/**
 * The UI at scale, measured in Node with the code the extension runs (the rows the tree provider turns
 * into tree items, the log lines the output channel appends, the store that holds it all): 1,000
 * projects with their sessions, and a session of 10,000 messages. VS Code's own rendering is not in it.
 */
import { performance } from 'node:perf_hooks';
import { projectRow, sessionRow, workflowRow } from '../src/present/rows';
import { serverRow } from '../src/present/serverRows';
import { logLine } from '../src/present/transcript';
import { sessionWords } from '../src/present/rows';
import { entry, message, NOW, snapshot, workflow } from '../test/unit/present/fixtures';
import type { Bench } from './lib/types';
import { stats } from './lib/types';

function projects(n: number) {
  return Array.from({ length: n }, (_, i) =>
    entry({ id: `p${i}`, name: `project-${i}` }, [
      workflow({
        id: `w${i}`,
        status: i % 10 === 0 ? 'running' : 'completed',
        progress: { percentage: 40, currentStep: 'Building' },
      }),
    ]),
  );
}

export const uiScale: Bench = {
  title: 'The UI at scale',
  method:
    'In Node, with the presentation code the extension runs (bench/uiScale.ts): the rows of 1,000 projects (server, ' +
    'project, session and workflow rows, as the tree asks for them), and the lines of a 10,000-message log; memory is ' +
    'the heap the data and its rows take (after a GC, `--expose-gc` when available).',
  async run(o) {
    const runs = o.quick ? 3 : 15;
    const entries = projects(1000);
    const snap = snapshot({ projects: entries });
    const renders: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      serverRow(snap);
      for (const e of entries) {
        projectRow('local', e, NOW);
        sessionRow('local', e.session!, NOW);
        workflowRow('local', e.session!.workflows[0]!, NOW);
        sessionWords(e.session, NOW);
      }
      renders.push(performance.now() - t0);
    }
    const messages = Array.from({ length: 10_000 }, (_, i) =>
      message(i + 1, { text: `Step ${i}: compiled module ${i}` }),
    );
    const logs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      messages.map(logLine).join('\n');
      logs.push(performance.now() - t0);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const kept = {
      entries: projects(1000),
      rows: projects(1000).map((e) => projectRow('local', e, NOW)),
      log: messages.map(logLine),
    };
    gc?.();
    const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    void kept;
    const r = stats(renders);
    const l = stats(logs);
    return [
      {
        name: 'the rows of 1,000 projects (first render of the tree)',
        unit: 'ms',
        ...r,
        samples: runs,
        goal: '< 50 ms',
        met: r.p95 < 50,
      },
      {
        name: 'the lines of a 10,000-message log',
        unit: 'ms',
        ...l,
        samples: runs,
        goal: '< 50 ms',
        met: l.p95 < 50,
        note: 'the live log shows the last 500 (bilt.log.recentMessages) when it opens',
      },
      {
        name: 'heap of 1,000 projects, their rows and a 10,000-line log',
        unit: 'MB',
        median: heapMb,
        samples: 1,
        goal: '< 50 MB',
        met: heapMb < 50,
        note: gc ? undefined : 'measured without --expose-gc: indicative',
      },
    ];
  },
};
