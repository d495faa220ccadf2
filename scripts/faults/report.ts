/** docs/RELIABILITY.md from the long suite's results: what ran, on what machine, when, and the numbers. */
import { execSync } from 'node:child_process';
import os from 'node:os';
import type { ClientCheckResult } from './clientRuns';
import type { FuzzReport } from './fuzz';
import type { KillLoopReport } from './killLoop';

export interface SuiteResults {
  kill: KillLoopReport;
  fuzz: FuzzReport;
  client: ClientCheckResult[];
  durationMs: number;
}

const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const git = (args: string) => execSync(`git ${args}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const commit = (() => {
    try {
      const head = git('rev-parse --short HEAD').trim();
      return `${head}${git('status --porcelain').trim() ? ' with uncommitted changes' : ''}`;
    } catch {
      return process.env.BILT_FAULTS_COMMIT ?? 'unknown';
    }
  })();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}; commit ${commit}`,
  ].join('\n');
}

/** Every run's value, in run order. */
const eachRun = (values: number[]) => (values.length ? values.join(' / ') : 'n/a');

function clientRows(results: ClientCheckResult[]): string {
  return results
    .map((r) => {
      const keys = [...new Set(r.numbers.flatMap((n) => Object.keys(n)))];
      const numbers = keys.map((k) => `${k} ${eachRun(r.numbers.map((n) => n[k]!).filter((v) => v !== undefined))}`);
      const failed = r.failures.length ? `; failed: ${r.failures.join(' / ')}` : '';
      return `| ${r.check} | ${r.runs - r.failures.length}/${r.runs} | ${numbers.join(', ')}${failed} | ${verdict(r.failures.length === 0)} |`;
    })
    .join('\n');
}

export function reliabilityReport(r: SuiteResults, preamble: string): string {
  const k = r.kill;
  const f = r.fuzz;
  const killOk = k.problems.length === 0 && k.leftoverProcesses === 0;
  const fuzzOk = f.verdicts.ok === f.inputs && f.stillServing;
  const calls = Object.entries(k.calls)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const targets = Object.keys(f.targets).length;
  return `${preamble}

## Last run

${machine()}
- Whole suite: ${seconds(r.durationMs)}

| Check | Numbers | Result |
|---|---|---|
| kill -9 × ${k.cycles} (seed ${k.seed}) | ${k.cycles} kills in ${seconds(k.durationMs)}; acknowledged: ${calls}; after the last restart ${k.projects} projects and ${k.workflows} workflows checked, ${k.messagesCompared} message reads compared (${k.messagesRead} messages read in all), ${k.interruptedWorkflows} interrupted workflows marked, ${k.resumed} resumed; agent processes left by a killed engine: ${k.leftoverProcesses}; problems: ${k.problems.length} | ${verdict(killOk)} |
| fuzz × ${f.inputs} (seed ${f.seed}) | ${targets} targets; ok ${f.verdicts.ok}, crash ${f.verdicts.crash}, 5xx ${f.verdicts['5xx']}, internal ${f.verdicts.internal}, hang ${f.verdicts.hang}, echo ${f.verdicts.echo}; answer time p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms (bound 15 s); serving afterwards: ${f.stillServing ? 'yes' : 'no'}; ${seconds(f.durationMs)} | ${verdict(fuzzOk)} |

### The client against a faulty server

| Fault | Runs passed | Numbers, run by run (ms unless named) | Result |
|---|---|---|---|
${clientRows(r.client)}
${k.problems.length ? `\nKill loop problems:\n\n${k.problems.map((p) => `- ${p}`).join('\n')}\n` : ''}${
    f.problems.length
      ? `\nFuzz problems (first 20):\n\n${f.problems
          .slice(0, 20)
          .map(
            (p) =>
              `- ${p.answer.verdict} ${p.request.target} (${p.request.mutation}): ${p.answer.detail.replace(/\s+/g, ' ').slice(0, 160)}`,
          )
          .join('\n')}\n`
      : ''
  }`;
}

export const suitePassed = (r: SuiteResults) =>
  r.kill.problems.length === 0 &&
  r.kill.leftoverProcesses === 0 &&
  r.fuzz.verdicts.ok === r.fuzz.inputs &&
  r.fuzz.stillServing &&
  r.client.every((c) => c.failures.length === 0);
