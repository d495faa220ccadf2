/**
 * Benchmark: how fast the extension loads, where users feel it. One production build (what the VSIX
 * ships) in a temporary extension folder, then:
 *   1. the size of dist/extension.js, minified, and its largest inputs (esbuild's metafile);
 *   2. require() of it in fresh plain Node processes (stub `vscode`), and of dist/extension-deferred.js
 *      after it (what the first contact with a server adds);
 *   3. activation in a real extension host (code-server, as the integration tests): the figure the
 *      extension reports (module evaluation + activate()), require() + activate() around the calls, and
 *      the CPU time of both on the host's thread (the wall-clock figures also wait for a CPU on a busy machine).
 */
import os from 'node:os';
import { tempDir } from '../test/support/tmp';
import { activateInHost, installTimingWrapper, type HostActivation } from './lib/hostActivation';
import { evaluateOnce, type EvalSample } from './lib/moduleEval';
import { buildProduction } from './lib/productionBuild';
import { stats, type Bench, type Figure } from './lib/types';

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function sizeFigure(build: ReturnType<typeof buildProduction>): Figure {
  const size = build.bytes('extension.js') / KB;
  const top = (name: string) =>
    build
      .largestInputs(name, 5)
      .map((i) => `${i.input} ${kb(i.bytes)}`)
      .join(', ');
  return {
    name: 'dist/extension.js, minified',
    unit: 'KB',
    median: size,
    samples: 1,
    comparison: {
      name: 'dist/extension-deferred.js (loaded on first contact)',
      median: build.bytes('extension-deferred.js') / KB,
    },
    goal: '< 300 KB',
    met: size < 300,
    note: `largest inputs: ${top('extension.js')}; of the deferred file: ${top('extension-deferred.js')}`,
  };
}

function evalFigure(samples: EvalSample[]): Figure {
  const main = stats(samples.map((s) => s.mainMs));
  const both = stats(samples.map((s) => s.mainMs + s.deferredMs));
  return {
    name: 'require() of dist/extension.js in plain Node (read, compile, evaluate; stub vscode)',
    unit: 'ms',
    ...main,
    samples: samples.length,
    comparison: { name: 'with dist/extension-deferred.js too', ...both },
    note: 'fresh process each; the Node built-ins the bundles use are loaded first, as in the extension host',
  };
}

function hostFigures(runs: HostActivation[]): Figure[] {
  const reported = runs.flatMap((r) => (r.reported ? [r.reported] : []));
  const own = stats(reported.map((r) => r.totalMs));
  const module = stats(reported.map((r) => r.moduleMs));
  const activate = stats(reported.map((r) => r.activateMs));
  const around = stats(runs.map((r) => r.requireMs + r.activateMs));
  const cpu = stats(runs.map((r) => r.cpuMs));
  const load = os.loadavg()[0]!.toFixed(1);
  const early = reported.filter((r) => r.deferredLoaded).length;
  return [
    {
      name: 'activation in the real extension host: module evaluation + activate() (the extension reports it)',
      unit: 'ms',
      ...own,
      samples: reported.length,
      goal: '< 15 ms',
      met: reported.length > 0 && own.median < 15 && early === 0,
      note:
        `medians: module ${module.median.toFixed(1)} ms, activate() ${activate.median.toFixed(1)} ms (p95 ` +
        `${activate.p95.toFixed(1)}); wall clock, load average ${load} when done` +
        (early ? `; in ${early} run(s) dist/extension-deferred.js was loaded during activation` : ''),
    },
    {
      name: 'require() + activate() in the real extension host, timed around the calls',
      unit: 'ms',
      ...around,
      samples: runs.length,
      note: `require() alone: ${stats(runs.map((r) => r.requireMs)).median.toFixed(1)} ms (reading and compiling the file, which the figure above leaves out)`,
    },
    {
      name: "CPU time of require() + activate() on the extension host's thread (user + system)",
      unit: 'ms',
      ...cpu,
      samples: runs.length,
      note: 'what loading and activating cost, whatever else the machine runs: the wall-clock figures also wait for a CPU',
    },
  ];
}

export const extensionLoad: Bench = {
  title: 'Extension load',
  method:
    'A production build (`node esbuild.mjs --production --metafile`) in a temporary extension folder. Size and largest inputs ' +
    "from esbuild's metafile. Plain Node: fresh processes, each `require()`s dist/extension.js with a stub `vscode`, then " +
    'dist/extension-deferred.js. Real host: fresh code-server windows (VS Code 1.139, Node 24 extension host, headless ' +
    'Chromium; scripts/harness), the extension activated by VS Code on startup with a local engine configured; the ' +
    'figures come from the extension (its `activation`, also logged as "activated in N ms") and from a wrapper main ' +
    "timing require() and activate() around the calls (wall clock, and the CPU time of the host's thread).",
  async run(o) {
    const build = buildProduction();
    o.log(`built ${kb(build.bytes('extension.js'))} + ${kb(build.bytes('extension-deferred.js'))} in ${build.dir}`);
    const evals: EvalSample[] = [];
    for (let i = 0; i < (o.quick ? 3 : 15); i++) {
      evals.push(evaluateOnce(build.file('extension.js'), build.file('extension-deferred.js')));
    }
    installTimingWrapper(build.dir);
    const runsDir = tempDir('bilt-bench-host-');
    const runs: HostActivation[] = [];
    for (let i = 0; i < (o.quick ? 1 : 7); i++) {
      const run = await activateInHost(build.dir, runsDir, () => undefined);
      o.log(`host run ${i + 1}: ${JSON.stringify(run)}`);
      runs.push(run);
    }
    return [sizeFigure(build), evalFigure(evals), ...hostFigures(runs)];
  },
};
