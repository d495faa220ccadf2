/**
 * Engine restart, memory and compaction as the stored history grows: dist/engine.js started on data
 * dirs of 100,000 and 1,000,000 stored messages (1,000 sessions, workflows of 10 messages), written
 * through the engine's own state path in a temp dir.
 */
import { buildDataDir, removeDir, stateBytes, tempDataDir } from './lib/engineData';
import { leaveLogTail, timeCompaction, timeReads } from './lib/engineHistory';
import { startEngine } from './lib/engineProcess';
import type { Bench, Figure } from './lib/types';
import { stats } from './lib/types';

const PROJECTS = 1000;
const MB = 1024 * 1024;

async function figuresAt(messages: number, quick: boolean, log: (line: string) => void): Promise<Figure[]> {
  const dataDir = tempDataDir();
  const size = messages.toLocaleString('en-US');
  try {
    const t0 = performance.now();
    const { sessionIds } = await buildDataDir(dataDir, { projects: PROJECTS, messages, messagesPerWorkflow: 10 });
    log(`built ${size} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const starts = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const e = await startEngine(dataDir, ['--max-projects', String(PROJECTS * 2)]);
      await e.stop();
      starts.push(e);
    }
    const ready = stats(starts.map((s) => s.readyMs));
    const peak = stats(starts.map((s) => s.peakRssMb ?? NaN));
    await leaveLogTail(dataDir, sessionIds); // as a crash just before a compaction leaves it
    const crashed = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const e = await startEngine(dataDir, ['--max-projects', String(PROJECTS * 2)]);
      await e.stop(); // a clean stop compacts: put the 8 MiB tail back for the next start
      crashed.push(e);
      await leaveLogTail(dataDir, sessionIds);
    }
    const crashReady = stats(crashed.map((s) => s.readyMs));
    const crashPeak = stats(crashed.map((s) => s.peakRssMb ?? NaN));
    const compactionMs = await timeCompaction(dataDir, sessionIds);
    const reads = await timeReads(dataDir, sessionIds, quick ? 50 : 300);
    const snapshotMb = stateBytes(dataDir, 'snapshot') / MB;
    const archiveMb = stateBytes(dataDir, 'archive-') / MB;
    const big = messages >= 1_000_000;
    return [
      {
        name: `restart until ready, ${size} stored messages`,
        unit: 'ms',
        ...ready,
        samples: starts.length,
        goal: big ? '< 1000 ms' : undefined,
        met: big ? ready.median < 1000 : undefined,
        note: 'dist/engine.js serve, spawn to ready line (Node start-up included)',
      },
      {
        name: `peak memory (RSS) of that start, ${size} messages`,
        unit: 'MB',
        ...peak,
        samples: starts.length,
        goal: big ? '< 150 MB' : undefined,
        met: big ? peak.median < 150 : undefined,
      },
      {
        name: `restart after a crash that left 8 MiB of log to replay, ${size} messages`,
        unit: 'ms',
        ...crashReady,
        samples: crashed.length,
        note: `peak RSS ${crashPeak.median.toFixed(0)} MB (p95 ${crashPeak.p95.toFixed(0)}); the most a running engine leaves`,
      },
      {
        name: `compaction of 8 MiB of new log, ${size} messages`,
        unit: 'ms',
        median: compactionMs,
        samples: 1,
        note: `snapshot.json ${snapshotMb.toFixed(2)} MB, archive files ${archiveMb.toFixed(0)} MB`,
      },
      {
        name: `newest-first page of 50 (random offset), ${size} messages`,
        unit: 'ms',
        ...reads.newest,
        samples: reads.checked / 2,
        goal: '< 5 ms p95',
        met: reads.newest.p95 < 5,
      },
      {
        name: `oldest-first page of 100 after a random seq cursor, ${size} messages`,
        unit: 'ms',
        ...reads.cursor,
        samples: reads.checked / 2,
        goal: '< 5 ms p95',
        met: reads.cursor.p95 < 5,
      },
    ];
  } finally {
    removeDir(dataDir);
  }
}

export const engineRestart: Bench = {
  title: 'Engine: restart, memory and compaction with a long history',
  method:
    'Data dirs of 1,000 sessions (workflows of 10 messages) written through the engine’s state path (EngineState, ' +
    'Committer, LogStore without fsync, compaction every 8 MiB) in a temp dir. Restart: `dist/engine.js serve` ' +
    'from spawn to its ready line, with its peak resident memory (/proc VmHWM), five starts. Compaction: 8 MiB of ' +
    'new messages, then one compaction (archive + snapshot, fsync on). Reads: random newest-first pages and ' +
    '`after` cursors, each checked for the right seqs. Quick mode: 20,000 messages.',
  async run(o) {
    const sizes = o.quick ? [20_000] : [100_000, 1_000_000];
    const figures: Figure[] = [];
    for (const messages of sizes) {
      figures.push(...(await figuresAt(messages, o.quick, o.log)));
    }
    return figures;
  },
};
