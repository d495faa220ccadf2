/** Reading the runner's results and printing them (the last line is the plain "N passed, N failed"). */
import { existsSync, readFileSync } from 'node:fs';
import type { IntegrationResults } from '../../test/integration/results';
import { sleep } from './ui';

export interface WaitForResultsOptions {
  file: string;
  deadline: number;
  /** Reasons to stop waiting early: code-server died, or the workbench ended the run without results. */
  abort: () => string | undefined;
}

export async function waitForResults(o: WaitForResultsOptions): Promise<IntegrationResults> {
  for (;;) {
    if (existsSync(o.file)) {
      return JSON.parse(readFileSync(o.file, 'utf8')) as IntegrationResults;
    }
    const reason = o.abort();
    if (reason) {
      throw new Error(reason);
    }
    if (Date.now() > o.deadline) {
      throw new Error(`no results after the time limit (${o.file}); did the extension load? see browser-console.log`);
    }
    await sleep(100);
  }
}

const indent = (text: string, pad = '      '): string =>
  text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');

export function printResults(r: IntegrationResults): void {
  console.log(
    `\n  ${r.host.appName} ${r.host.vscodeVersion} (${r.host.uiKind}), extension host on Node ${r.host.node}\n`,
  );
  for (const t of r.tests) {
    const mark = t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  }
  for (const [i, f] of r.failures.entries()) {
    console.log(`\n  ${i + 1}) ${f.title}\n${indent(f.message)}`);
    const frames = (f.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 6);
    if (frames.length > 0) {
      console.log(indent(frames.map((l) => l.trim()).join('\n'), '        '));
    }
  }
  console.log('');
}
