/**
 * `npm run faults`: the long fault suite (kill -9 × 100, fuzz × 10,000, the client against a faulty
 * server), then docs/RELIABILITY.md with the numbers, the machine and the date. Exit code 1 when a
 * check failed. `--quick` runs small counts (to try the runner); `--seed N` picks the inputs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runClientChecks } from './clientRuns';
import { runFuzz } from './fuzz';
import { runKillLoop } from './killLoop';
import { reliabilityReport, suitePassed } from './report';

const REPORT = path.resolve(__dirname, '../../docs/RELIABILITY.md');
/** The part of docs/RELIABILITY.md above "## Last run" is prose, kept as it is. */
const LAST_RUN = '\n## Last run';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const quick = values.quick === true;
  const seed = Number(values.seed ?? Date.now() % 100_000);
  const log = (line: string) => process.stderr.write(`[faults] ${line}\n`);
  const started = Date.now();
  log(`seed ${seed}${quick ? ' (quick)' : ''}`);
  const kill = await runKillLoop({ cycles: quick ? 4 : 100, seed, log: (l) => log(l) });
  log(`kill loop: ${kill.problems.length} problems, ${kill.leftoverProcesses} leftover processes`);
  const fuzz = await runFuzz({ count: quick ? 1000 : 10_000, seed, log });
  log(`fuzz: ${JSON.stringify(fuzz.verdicts)}`);
  const client = await runClientChecks({
    repeat: quick ? 1 : 5,
    outagesMs: quick ? [1000] : [1000, 3000, 6000, 12_000, 20_000],
    log,
  });
  const results = { kill, fuzz, client, durationMs: Date.now() - started };
  const out = values.out ? path.resolve(values.out) : REPORT;
  const current = (() => {
    try {
      return readFileSync(REPORT, 'utf8');
    } catch {
      return '# Reliability\n';
    }
  })();
  const preamble = current.includes(LAST_RUN) ? current.slice(0, current.indexOf(LAST_RUN)) : current.trimEnd();
  writeFileSync(out, reliabilityReport(results, preamble));
  const passed = suitePassed(results);
  log(`${passed ? 'passed' : 'FAILED'}; report in ${path.relative(process.cwd(), out)}`);
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`[faults] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
