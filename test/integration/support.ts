/** Shared by the real-VS-Code suites: the extension's API, bounded waits, and an engine playing a known scenario. */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { ProjectEntry } from '../../src/api/store/types';

export const EXTENSION_ID = 'bilt-community.bilt-vscode';

export async function api(): Promise<BiltExtensionApi> {
  const ext = vscode.extensions.getExtension<BiltExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

/** Waits for a condition driven by the extension's own events; bounded, polling a few times a second. */
export async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

let prepared: Promise<void> | undefined;

/** Once per run: the local engine restarted with the test scenario (fast, one question, a 3 s build). */
export function useTestScenario(): Promise<void> {
  prepared ??= (async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const config = vscode.workspace.getConfiguration('bilt');
    await config.update(
      'localEngine.scenario',
      path.join(ext.extensionPath, 'test/fixtures/scenarios/vscode.json'),
      vscode.ConfigurationTarget.Global,
    );
    await config.update('notifications', 'never', vscode.ConfigurationTarget.Global);
    const a = await api();
    await until(() => a.store.snapshot('local')?.status.state === 'ready', 'the local engine to be ready');
    await vscode.commands.executeCommand('bilt.restartLocalEngine', undefined, true);
    await until(() => a.store.snapshot('local')?.status.state === 'ready', 'the restarted engine to be ready');
  })();
  return prepared;
}

export async function entry(a: BiltExtensionApi, projectId: string): Promise<ProjectEntry> {
  return until(
    () => a.store.snapshot('local')?.projects?.find((p) => p.project.id === projectId),
    `project ${projectId} in the store`,
  );
}

export const latest = (e: ProjectEntry | undefined) => e?.session?.workflows[0];

let n = 0;
export const uniqueName = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;
