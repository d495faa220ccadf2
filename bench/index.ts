/** The benchmarks `npm run bench` runs, in order (each in its own file; see lib/types.ts). */
import type { Bench } from './lib/types';

export const BENCHES: Bench[] = [];
