/**
 * What every benchmark in bench/ reports, so one runner (bench/run.ts) can run them side by side in one
 * run and write docs/BENCHMARKS.md with each figure, its comparison and its goal.
 */

/** One measured figure. Times in ms unless `unit` says otherwise; several runs give a median and a p95. */
export interface Figure {
  /** What was measured, in words ("extension activation in the real host", "bridge cold start"). */
  name: string;
  unit: string;
  median: number;
  p95?: number | undefined;
  /** How many runs or samples the figure is made of. */
  samples: number;
  /** The same thing measured in the same run for comparison (node -e 0, mcp-remote, …). */
  comparison?: { name: string; median: number; p95?: number | undefined } | undefined;
  /** The goal in words ("< 15 ms", "within 30 ms of node -e 0"). */
  goal?: string | undefined;
  /** Whether the goal is met; undefined when there is no goal. */
  met?: boolean | undefined;
  /** Why a goal is missed, or what the figure needs to be read right. */
  note?: string | undefined;
}

export interface BenchOptions {
  /** A short pass that checks the benchmark still runs (CI); figures are then only indicative. */
  quick: boolean;
  log(line: string): void;
}

/** A benchmark: one section of docs/BENCHMARKS.md. */
export interface Bench {
  /** Section title. */
  title: string;
  /** How it is measured, in a sentence or two (setup, what is compared). */
  method: string;
  run(o: BenchOptions): Promise<Figure[]>;
}

/** The median and 95th percentile of samples. */
export function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}
