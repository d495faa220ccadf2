/**
 * `@bilt` in the Chat view of a real VS Code, with a scripted language model installed (chat needs
 * some model; see test/fixtures/scripted-model): prompts go through `workbench.action.chat.open`, and
 * each turn's streamed text is read from the extension's API when the turn ends.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { ChatTurnRecord } from '../../src/ui/chat/record';
import { api, autoApproveTools, entry, scriptedModel, uniqueName, until, useTestScenario } from './support';

describe('@bilt in the Chat view of a real VS Code', function () {
  this.timeout(90_000);
  let a: BiltExtensionApi;
  let name: string;
  const turns: ChatTurnRecord[] = [];

  /** Sends a prompt to the Chat view; resolves with the turn once @bilt has answered it (retried once: the first request may come before the model list settles). */
  async function ask(query: string, command: string): Promise<ChatTurnRecord> {
    for (let attempt = 0; ; attempt++) {
      const seen = turns.length;
      await vscode.commands.executeCommand('workbench.action.chat.open', { query });
      try {
        return await until(
          () => turns.slice(seen).find((t) => t.command === command),
          `@bilt to answer "${query}"`,
          30_000,
        );
      } catch (e) {
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }

  before(async () => {
    a = await api();
    a.chat.onDidRespond((t) => turns.push(t));
    await useTestScenario();
    await scriptedModel();
    await autoApproveTools();
    name = uniqueName('chat');
    const id = await vscode.commands.executeCommand<string>('bilt.createProject', { serverId: 'local' }, { name });
    await entry(a, id!);
    await vscode.commands.executeCommand('bilt.linkWorkspace', { serverId: 'local', projectId: id });
  });

  it("/send follows the workflow to its question; /answer Web to completion with the app's link; /status and /log", async () => {
    const sent = await ask('@bilt /send Build a small shop', 'send');
    assert.match(sent.markdown, new RegExp(`Sent to \\*\\*${name}\\*\\*`));
    assert.ok(
      sent.progress.some((p) => /running/.test(p)),
      `progress shown: ${sent.progress.join(' | ')}`,
    );
    assert.match(sent.markdown, /Bilt asks:\n\n1\. Which platform\? — `Web` · `iOS`/);
    assert.deepEqual([sent.meta.state, sent.meta.questions?.[0]?.options], ['questions', ['Web', 'iOS']]);

    const answered = await ask('@bilt /answer web', 'answer');
    assert.match(answered.markdown, /Answered\./);
    assert.match(answered.markdown, /\*\*completed\*\*.*\[open the app\]\(https:\/\/.+\.vscode\.test\)/);
    assert.ok(answered.buttons.some((b) => b.title === 'Open the App'));

    const status = await ask('@bilt /status', 'status');
    assert.match(status.markdown, new RegExp(`^\\*\\*${name}\\*\\* on Local engine: completed`));
    const log = await ask('@bilt /log 5', 'log');
    assert.match(log.markdown, /the last 5 of \d+ messages/);
    assert.match(log.markdown, /Deployed/);
  });

  it("/cancel says what is lost and cancels only from its button; a refusal is said in the engine's words", async () => {
    const sent = await ask('@bilt /send Add a cart', 'send');
    assert.equal(sent.meta.state, 'questions');
    const asked = await ask('@bilt /cancel changed my mind', 'cancel');
    assert.match(asked.markdown, new RegExp(`Cancel the paused workflow of ${name}.*cannot be resumed`, 's'));
    const button = asked.buttons.find((b) => b.title === 'Cancel Workflow');
    assert.ok(button, 'a Cancel Workflow button');
    assert.equal(
      (
        await a.store.loadSession(
          'local',
          a.store.snapshot('local')!.projects!.find((p) => p.project.name === name)!.project.id,
        )
      ).workflows[0]?.status,
      'paused',
      'nothing cancelled yet',
    );
    await vscode.commands.executeCommand(button.command, ...(button.arguments ?? []));
    const again = await ask('@bilt /cancel', 'cancel');
    assert.match(again.markdown, /\*\*Not done\*\*.*Cannot cancel workflow: Workflow has already been cancelled/);
  });

  it('plain text: the scripted model calls a Bilt tool through VS Code, and its result is shown', async () => {
    const turn = await ask(`@bilt call:bilt_getSession {"project":"${name}"}`, '');
    assert.match(turn.markdown, /`bilt_getSession`: `\{"project":/);
    assert.match(turn.markdown, /SCRIPTED-RESULT: /);
  });
});
