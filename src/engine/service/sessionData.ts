/**
 * A session's free-form `data` (Session API): merging a PATCH into it, and the two keys the engine
 * reads, checked before they are stored: `workdir` (the directory the session's agent runs in: an
 * absolute path to an existing directory) and `model` (passed to the agents that take one).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DATA_MAX_BYTES } from '../../core/contract/sessionApi';
import { BiltError } from '../../core/errors';

export type SessionData = Record<string, unknown>;

/** Characters a model name may use, so it passes through any shell unchanged. */
const MODEL_PATTERN = /^[A-Za-z0-9._:/@+-]+$/;

export const sessionWorkdir = (data: SessionData | undefined): string | undefined =>
  typeof data?.['workdir'] === 'string' ? data['workdir'] : undefined;

export const sessionModel = (data: SessionData | undefined): string | undefined =>
  typeof data?.['model'] === 'string' ? data['model'] : undefined;

/** `patch` merged into `current`: its keys replace, a key set to null is removed. */
export function mergeData(current: SessionData, patch: SessionData): SessionData {
  const merged: SessionData = { ...current, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete merged[key];
    }
  }
  return merged;
}

/** Why a workdir cannot be used, in words; undefined when it is an existing directory. */
export async function workdirProblem(workdir: string): Promise<string | undefined> {
  if (!path.isAbsolute(workdir)) {
    return `data.workdir must be an absolute path (got ${JSON.stringify(workdir)})`;
  }
  const info = await stat(workdir).catch(() => undefined);
  if (!info) {
    return `data.workdir ${JSON.stringify(workdir)} does not exist`;
  }
  return info.isDirectory() ? undefined : `data.workdir ${JSON.stringify(workdir)} is not a directory`;
}

const invalid = (field: string, message: string, limit?: number) =>
  new BiltError('invalid_input', 'Invalid request body', {
    field,
    message,
    ...(limit !== undefined ? { limit } : {}),
  });

/** Its size and its model, checked as it would be stored; throws `Invalid request body` naming the key. */
export function checkDataShape(data: SessionData): void {
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > DATA_MAX_BYTES) {
    throw invalid('data', `data must be at most ${DATA_MAX_BYTES} bytes as JSON (got ${size})`, DATA_MAX_BYTES);
  }
  const model = sessionModel(data);
  if (model !== undefined && !MODEL_PATTERN.test(model)) {
    throw invalid('data.model', 'data.model may contain only letters, digits and . _ : / @ + -');
  }
}

/** Data as it would be stored (after a merge): its shape, and that its workdir is an existing directory. */
export async function checkData(data: SessionData): Promise<void> {
  checkDataShape(data);
  const workdir = sessionWorkdir(data);
  const problem = workdir !== undefined ? await workdirProblem(workdir) : undefined;
  if (problem) {
    throw invalid('data.workdir', problem);
  }
}
