/** Shared by the real-VS-Code suites: the extension's API, bounded waits, and an engine playing a known scenario. */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { ProjectEntry } from '../../src/api/store/types';
import { RUNNER_ENV } from './results';

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

/**
 * Once per run: the local engine restarted with the emulator (the default agent is the builder) playing
 * the test scenario (fast, one question, a 3 s build).
 */
export function useTestScenario(): Promise<void> {
  prepared ??= (async () => {
    const fixtures = process.env[RUNNER_ENV.repo] ?? vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const config = vscode.workspace.getConfiguration('bilt');
    await config.update('localEngine.agent', 'emulator', vscode.ConfigurationTarget.Global);
    await config.update(
      'localEngine.scenario',
      path.join(fixtures, 'test/fixtures/scenarios/vscode.json'),
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

/** A new project on the local engine, through the command a person uses; its id. */
export async function createProject(name: string): Promise<string> {
  const id = await vscode.commands.executeCommand<string>(
    'bilt.createProject',
    { serverId: 'local' },
    { name, description: 'made by the integration tests' },
  );
  assert.ok(id, 'bilt.createProject returned no project id');
  return id;
}

export const latest = (e: ProjectEntry | undefined) => e?.session?.workflows[0];

let n = 0;
export const uniqueName = (base: string) => `${base}-${Date.now().toString(36)}-${n++}`;

/** The vendor of the test-only language model the harness installs (test/fixtures/scripted-model). */
export const SCRIPTED_MODEL_VENDOR = 'bilt-test';

/**
 * The scripted test model "Bilt Scripted" (see test/fixtures/scripted-model/README.md), once VS Code
 * lists it: the extension that provides it activates on startup, alongside the tests (bounded wait).
 */
export async function scriptedModel(timeoutMs = 20_000): Promise<vscode.LanguageModelChat> {
  return until(
    async () => (await vscode.lm.selectChatModels({ vendor: SCRIPTED_MODEL_VENDOR }))[0],
    `the scripted model (vendor ${SCRIPTED_MODEL_VENDOR}) in vscode.lm.selectChatModels`,
    timeoutMs,
  );
}

/**
 * Tool calls without confirmation: the harness sets `chat.tools.global.autoApprove`, and this context key
 * tells the workbench that tests run (else it asks "Enable global auto approve?" in a dialog it refuses
 * under tests, failing even a token-less vscode.lm.invokeTool of an MCP tool). Call it in `before`.
 */
export async function autoApproveTools(): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'vscode.chat.tools.global.autoApprove.testMode', true);
}
