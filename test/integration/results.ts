/**
 * What the in-host runner (index.ts) hands the harness driver (scripts/harness/driver.ts), and the
 * environment variables between them. Types and names only: both sides import it, neither needs `vscode`.
 */
export const RUNNER_ENV = {
  /** Where run() writes the results JSON (atomically). Unset (desktop VS Code): no file, run() just settles. */
  results: 'BILT_IT_RESULTS',
  /** How long run() keeps the extension host alive after the results, waiting for `<results>.screenshot-done`. */
  holdMs: 'BILT_IT_HOLD_MS',
  /** Optional mocha grep: only tests whose full title matches this regular expression. */
  grep: 'BILT_IT_GREP',
  /** Set when Bilt under test was installed from this VSIX (scripts/harness/vsix.ts), not the development folder. */
  vsix: 'BILT_IT_VSIX',
  /** The repository the tests come from: its test fixtures (a VSIX does not ship them). */
  repo: 'BILT_IT_REPO',
} as const;

/** The file the driver writes once its browser steps are done; run() settles after it appears. */
export const DONE_SUFFIX = '.screenshot-done';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
}

export interface TestFailure {
  title: string;
  message: string;
  stack?: string;
}

export interface IntegrationResults {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  failures: TestFailure[];
  /** Where the tests ran, for the log (e.g. "code-server 1.139.1 (web)"). */
  host: { appName: string; vscodeVersion: string; uiKind: 'desktop' | 'web'; node: string };
  durationMs: number;
}
