/**
 * How long the extension took to load and activate, as it reports it: the Bilt log's "activated in" line,
 * and the API's `activation` (which bench/extensionLoad.ts reads in a real extension host). Module
 * evaluation runs from the first statement of dist/extension.js (the banner esbuild.mjs adds sets
 * BILT_BUNDLE_START) to the end of the entry module; reading and compiling the file come before and are
 * not in it. Run from source there is no banner, and no module figure.
 */
declare const BILT_BUNDLE_START: number | undefined;

export interface ActivationTime {
  /** Evaluating dist/extension.js; undefined when not run from the bundle. */
  moduleMs: number | undefined;
  /** activate() up to its return. */
  activateMs: number;
  /** Both. */
  totalMs: number;
  /** dist/extension-deferred.js was loaded by then: something read a deferred export too early (docs/PERFORMANCE.md). */
  deferredLoaded: boolean;
}

const bundleStart = typeof BILT_BUNDLE_START === 'number' ? BILT_BUNDLE_START : undefined;
const deferredLoaded = () => Object.keys(require.cache).some((file) => file.endsWith('extension-deferred.js'));

/** Starts the clock of activate(); `moduleEnd` is when the entry module finished evaluating. */
export function activationClock(moduleEnd: number): () => ActivationTime {
  const start = performance.now();
  return () => {
    const activateMs = performance.now() - start;
    const moduleMs = bundleStart === undefined ? undefined : moduleEnd - bundleStart;
    return { moduleMs, activateMs, totalMs: activateMs + (moduleMs ?? 0), deferredLoaded: deferredLoaded() };
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** "in 9.4 ms (module 3.1 ms, activate() 6.3 ms)", for the log. */
export function describeActivation(t: ActivationTime): string {
  const module = t.moduleMs === undefined ? '' : `module ${ms(t.moduleMs)}, `;
  const early = t.deferredLoaded ? '; dist/extension-deferred.js was loaded during activation' : '';
  return `in ${ms(t.totalMs)} (${module}activate() ${ms(t.activateMs)}${early})`;
}
