/**
 * `npm run bench`: every benchmark in bench/ in one run, side by side, then docs/BENCHMARKS.md with the
 * machine, each figure, its comparison and its goal. `--quick` (CI) only checks that each still runs and
 * writes nothing; `--only NAME` runs the benchmarks whose title contains NAME.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCHES } from './index';
import type { Figure } from './lib/types';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = values.quick === true;
const log = (line: string) => console.log(`[bench] ${line}`);

const num = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '' : x >= 100 ? x.toFixed(0) : x.toFixed(x >= 10 ? 1 : 2);
const cell = (median: number | undefined, p95: number | undefined, unit: string) =>
  median === undefined ? '' : `${num(median)}${p95 !== undefined ? ` (p95 ${num(p95)})` : ''} ${unit}`;

function row(f: Figure): string {
  const verdict = f.met === undefined ? '' : f.met ? 'met' : '**missed**';
  const comparison = f.comparison ? `${f.comparison.name}: ${cell(f.comparison.median, f.comparison.p95, f.unit)}` : '';
  return `| ${f.name} | ${cell(f.median, f.p95, f.unit)} | ${f.samples} | ${comparison} | ${f.goal ?? ''} | ${verdict} | ${f.note ?? ''} |`;
}

async function main(): Promise<void> {
  const selected = BENCHES.filter((b) => !values.only || b.title.toLowerCase().includes(values.only.toLowerCase()));
  const sections: string[] = [];
  let failed = 0;
  for (const bench of selected) {
    log(`${bench.title}${quick ? ' (quick)' : ''}`);
    const t0 = Date.now();
    try {
      const figures = await bench.run({ quick, log: (l) => log(`  ${l}`) });
      for (const f of figures) {
        log(`  ${row(f)}`);
      }
      sections.push(
        [
          `## ${bench.title}`,
          '',
          bench.method,
          '',
          '| Figure | Median | Samples | Compared with (same run) | Goal | | Note |',
          '|---|---|---|---|---|---|---|',
          ...figures.map(row),
          '',
        ].join('\n'),
      );
    } catch (e) {
      failed++;
      log(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      sections.push(
        `## ${bench.title}\n\nThe benchmark failed in this run: ${e instanceof Error ? e.message : String(e)}\n`,
      );
    }
    log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (!quick && !values.only) {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
    const doc = [
      '# Benchmarks',
      '',
      `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${machine}. Every`,
      'figure and its comparison come from the same run; medians and p95 of several runs, because these machines',
      'are noisy. A goal that is missed says by how much and why. CI runs `npm run bench -- --quick`, which',
      'only checks that every benchmark still runs.',
      '',
      ...sections,
    ].join('\n');
    writeFileSync(path.resolve(__dirname, '../docs/BENCHMARKS.md'), doc);
    log('wrote docs/BENCHMARKS.md');
  }
  if (failed) {
    throw new Error(`${failed} benchmark(s) failed`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
