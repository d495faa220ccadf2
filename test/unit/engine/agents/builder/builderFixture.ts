/**
 * Helpers for the builder agent's tests: a temp app folder per test, a recording context for a project
 * of one's choosing, and git read-outs (commits, status) to check what a workflow left behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuilderAgent, type BuilderOptions } from '../../../../../src/engine/agents/builder/builderAgent';
import type { AgentOutcome, AgentProject } from '../../../../../src/engine/agents/types';
import { FakeContext, within } from '../fakeContext';

export const APP_URL = (id: string) => `http://127.0.0.1:4321/apps/${id}/`;

export class ProjectContext extends FakeContext {
  override readonly project: AgentProject;
  constructor(message: string, workDir: string, project: Partial<AgentProject> = {}) {
    super(message, workDir);
    this.project = { id: 'prj_test1', name: 'Todo_App', description: 'A small to-do app', ...project };
  }
}

/** A fresh, empty app folder, removed after the test. */
export function tempAppDir(dirs: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bilt-builder-'));
  dirs.push(dir);
  return dir;
}

export function removeAll(dirs: string[]): void {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
}

export function builder(options: Partial<BuilderOptions> = {}): BuilderAgent {
  return new BuilderAgent({ appUrlFor: APP_URL, now: () => new Date('2026-03-01T12:00:00Z'), ...options });
}

/** Runs one workflow to its end. */
export async function send(
  agent: BuilderAgent,
  dir: string,
  message: string,
  project?: Partial<AgentProject>,
): Promise<{ ctx: ProjectContext; outcome: AgentOutcome }> {
  const ctx = new ProjectContext(message, dir, project);
  const outcome = await within(agent.start(ctx).done, 10_000, 'the builder run');
  return { ctx, outcome };
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}

export const commitCount = (dir: string) => Number(git(dir, 'rev-list', '--count', 'HEAD'));
export const head = (dir: string) => git(dir, 'rev-parse', 'HEAD');
export const status = (dir: string) => git(dir, 'status', '--porcelain', '--untracked-files=all', '--ignored');
export const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
