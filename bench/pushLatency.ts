/**
 * Push latency where the user sees it: a workflow's status or progress changes in the local engine, and
 * the tree's data (the store the tree renders from; its change event is what repaints the rows) and the
 * open log (the session's watch, whose messages the output channel appends) show it. The engine stamps
 * each change with its own clock on the same machine; the delay is the arrival time minus that stamp.
 */
import { BiltClient } from '../src/api/client';
import { BiltStore } from '../src/api/store/biltStore';
import { startEngine } from '../test/support/engineProcess';
import { tempDir } from '../test/support/tmp';
import type { Bench } from './lib/types';
import { stats } from './lib/types';

export const pushLatency: Bench = {
  title: 'Push latency from the local engine',
  method:
    'A local engine (emulator, 5× speed) runs workflows started by another client; the store (push driver) and a ' +
    "session watch are connected as the extension connects them. Each sample is one change: the engine's `updatedAt` " +
    '(workflow) or `createdAt` (message) to its arrival in the store / the watch (bench/pushLatency.ts).',
  async run(o) {
    const engine = await startEngine(['--data-dir', tempDir('bench-push-'), '--agent', 'emulator', '--speed', '0.2']);
    const { mcpUrl, token } = engine.ready;
    const connect = () => BiltClient.connect({ url: mcpUrl, token });
    const store = new BiltStore({ connect: () => connect() });
    const other = await connect();
    const tree: number[] = [];
    const log: number[] = [];
    try {
      store.setServers([{ id: 'local', label: 'Local engine', kind: 'local' }]);
      const workflows = o.quick ? 1 : 5;
      for (let i = 0; i < workflows; i++) {
        const project = await other.backend.createProject({ name: `bench-push-${Date.now()}-${i}` });
        const view = await other.backend.getSession({ projectId: project.id });
        const ref = { sessionId: view.session.id, projectId: project.id };
        const watching = new AbortController();
        const seen = new Set<string>();
        const unsubscribe = store.onDidChange(() => {
          const w = store.snapshot('local')?.projects?.find((e) => e.project.id === project.id)?.session?.workflows[0];
          const key = w && `${w.status}|${w.progress?.percentage ?? ''}|${w.updatedAt}`;
          if (w && key && !seen.has(key)) {
            seen.add(key);
            tree.push(Date.now() - Date.parse(w.updatedAt));
          }
        });
        const watch = (async () => {
          for await (const e of other.watch(ref, { signal: watching.signal })) {
            if (e.type === 'messages') {
              log.push(...e.messages.map((m) => Date.now() - Date.parse(m.createdAt)));
            }
            if (e.type === 'session' && ['completed', 'failed', 'cancelled'].includes(e.view.session.status)) {
              break;
            }
          }
        })();
        await other.backend.sendMessage(ref, 'Build the benchmark app');
        await watch;
        watching.abort();
        unsubscribe();
      }
    } finally {
      store.dispose();
      await other.close();
      await engine.stop();
    }
    const t = stats(tree);
    const l = stats(log);
    return [
      {
        name: 'a workflow change until the tree’s data shows it',
        unit: 'ms',
        ...t,
        samples: tree.length,
        goal: '< 100 ms p95',
        met: t.p95 < 100,
        comparison: { name: 'the seed documents polling every', median: 2000 },
      },
      {
        name: 'a new message until the open log has it',
        unit: 'ms',
        ...l,
        samples: log.length,
        goal: '< 100 ms p95',
        met: l.p95 < 100,
      },
    ];
  },
};
