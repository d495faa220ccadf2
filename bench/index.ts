/** The benchmarks `npm run bench` runs, in order (each in its own file; see lib/types.ts). */
import { freshness } from './freshness';
import type { Bench } from './lib/types';
import { logStream } from './logStream';
import { pushLatency } from './pushLatency';
import { uiScale } from './uiScale';

export const BENCHES: Bench[] = [pushLatency, freshness, logStream, uiScale];
