/** What every part of the engine service shares: state, the committer, events, time, ids and limits. */
import { randomUUID } from 'node:crypto';
import { LIMITS } from '../../core/limits';
import type { EventBus } from '../events/eventBus';
import type { EngineState } from '../state/engineState';
import type { Committer } from './committer';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
export const iso = (clock: Clock) => new Date(clock.now()).toISOString();

export interface ServiceLimits {
  messagesPerHourPerProject: number;
  projectsPerHour: number;
  maxProjects: number;
  /** How long wait_for_response (and the live send) blocks at most. */
  waitTimeoutMs: number;
}

export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  messagesPerHourPerProject: LIMITS.messagesPerHourPerProject,
  projectsPerHour: LIMITS.projectsPerHour,
  maxProjects: LIMITS.maxProjects,
  waitTimeoutMs: LIMITS.waitTimeoutMs,
};

export interface ServiceContext {
  readonly state: EngineState;
  readonly committer: Committer;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly limits: ServiceLimits;
  newId(): string;
  /** Where a user sees the project (the live contract's projectUrl). */
  projectUrl(projectId: string): string;
}

export const newUuid = () => randomUUID();
