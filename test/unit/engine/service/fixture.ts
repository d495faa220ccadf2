/** An in-process engine over a temp data dir, driven by a ScriptedAgent and an adjustable clock. */
import assert from 'node:assert/strict';
import { BiltError } from '../../../../src/core/errors';
import { Engine } from '../../../../src/engine/engine';
import type { ServiceLimits } from '../../../../src/engine/service/context';
import type { EngineEvent } from '../../../../src/engine/events/eventBus';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { tempDir } from '../../../support/tmp';

export class TestClock {
  constructor(public t = Date.parse('2026-11-25T10:00:00.000Z')) {}
  now = () => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Fixture {
  engine: Engine;
  agent: ScriptedAgent;
  clock: TestClock;
  dataDir: string;
  events: EngineEvent[];
  reopen(): Promise<Fixture>;
  close(): Promise<void>;
}

export async function openFixture(
  opts: { dataDir?: string; limits?: Partial<ServiceLimits>; maxConcurrent?: number; clock?: TestClock } = {},
): Promise<Fixture> {
  const dataDir = opts.dataDir ?? tempDir();
  const agent = new ScriptedAgent();
  const clock = opts.clock ?? new TestClock();
  const engine = await Engine.open({
    dataDir,
    agent,
    clock,
    limits: opts.limits,
    maxConcurrent: opts.maxConcurrent ?? 4,
  });
  const events: EngineEvent[] = [];
  engine.bus.subscribe({}, (e) => events.push(e));
  const f: Fixture = {
    engine,
    agent,
    clock,
    dataDir,
    events,
    reopen: async () => {
      await engine.close();
      return openFixture({ ...opts, dataDir, clock });
    },
    close: () => engine.close(),
  };
  return f;
}

/** Awaits a promise that must be refused with a BiltError, and returns the error. */
export async function refusal(p: Promise<unknown>): Promise<BiltError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof BiltError, String(e));
    return e;
  }
  assert.fail('expected a refusal');
}
