/**
 * What a `@bilt` turn streamed, as plain text: the extension's API reports it when the turn ends (the
 * real-VS-Code tests read it; the browser journey reads the Chat view itself). The stream is passed
 * through unchanged.
 */
import * as vscode from 'vscode';
import type { TurnMeta } from '../../present/chat/followups';

/** The parts of a chat response @bilt writes (the response stream itself is frozen: it cannot be wrapped). */
export interface ChatOutput {
  markdown(value: string): void;
  progress(value: string): void;
  button(command: vscode.Command): void;
}

export interface ChatTurnRecord {
  command: string;
  prompt: string;
  markdown: string;
  progress: string[];
  buttons: vscode.Command[];
  meta: TurnMeta;
}

export class ChatRecorder implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ChatTurnRecord>();
  readonly onDidRespond = this.emitter.event;

  /** What @bilt writes to a response (markdown, progress, buttons), passed on to the stream and recorded. */
  record(stream: vscode.ChatResponseStream): {
    output: ChatOutput;
    done(meta: TurnMeta, request: vscode.ChatRequest): void;
  } {
    const markdown: string[] = [];
    const progress: string[] = [];
    const buttons: vscode.Command[] = [];
    const output: ChatOutput = {
      markdown: (value) => {
        markdown.push(value);
        stream.markdown(value);
      },
      progress: (value) => {
        progress.push(value);
        stream.progress(value);
      },
      button: (command) => {
        buttons.push(command);
        stream.button(command);
      },
    };
    return {
      output,
      done: (meta, request) =>
        this.emitter.fire({
          command: request.command ?? '',
          prompt: request.prompt,
          markdown: markdown.join(''),
          progress,
          buttons,
          meta,
        }),
    };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
