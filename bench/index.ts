/** The benchmarks `npm run bench` runs, in order (each in its own file; see lib/types.ts). */
import { bridgeStart } from './bridgeStart';
import { engineListProjects } from './engineListProjects';
import { engineRestart } from './engineRestart';
import { engineThroughput } from './engineThroughput';
import { extensionLoad } from './extensionLoad';
import { freshness } from './freshness';
import type { Bench } from './lib/types';
import { logStream } from './logStream';
import { pushLatency } from './pushLatency';
import { uiScale } from './uiScale';

export const BENCHES: Bench[] = [
  extensionLoad,
  bridgeStart,
  pushLatency,
  freshness,
  logStream,
  uiScale,
  engineThroughput,
  engineRestart,
  engineListProjects,
];
