/**
 * Splits a byte stream into clean text lines: UTF-8 decoded across chunk boundaries, ANSI escape
 * codes and control characters removed, carriage-return redraws collapsed to their last state,
 * and overlong lines cut into pieces of at most `maxLine` characters.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export const MAX_LINE = 5000;

// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and other two-byte escapes.
const ANSI =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** One raw line (without its newline) as it should be shown. */
export function cleanLine(raw: string): string {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.includes('\r')) {
    // a progress bar redrawn with \r: keep what the terminal would finally show
    const parts = line.split('\r').filter((p) => p.length > 0);
    line = parts[parts.length - 1] ?? '';
  }
  return stripAnsi(line).replace(CONTROL, '');
}

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly maxLine = MAX_LINE) {}

  /** Feeds a chunk; returns the lines it completed. */
  push(chunk: Buffer | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const out: string[] = [];
    let nl = this.pending.indexOf('\n');
    while (nl >= 0) {
      this.emit(this.pending.slice(0, nl), out);
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf('\n');
    }
    // a line that keeps growing without a newline is released in pieces
    while (this.pending.length > this.maxLine) {
      const cut = this.cutAt(this.pending);
      out.push(cleanLine(this.pending.slice(0, cut)));
      this.pending = this.pending.slice(cut);
    }
    return out;
  }

  /** The stream ended: returns the final line if it had no newline. */
  end(): string[] {
    this.pending += this.decoder.end();
    const out: string[] = [];
    if (this.pending.length > 0) {
      this.emit(this.pending, out);
    }
    this.pending = '';
    return out;
  }

  private emit(raw: string, out: string[]): void {
    let line = cleanLine(raw);
    while (line.length > this.maxLine) {
      const cut = this.cutAt(line);
      out.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    out.push(line);
  }

  /** Where to cut a long text: at maxLine, but never between the halves of a surrogate pair. */
  private cutAt(text: string): number {
    const code = text.charCodeAt(this.maxLine - 1);
    return code >= 0xd800 && code <= 0xdbff ? this.maxLine - 1 : this.maxLine;
  }
}

/**
 * Feeds a stream's lines (blank lines skipped) to `onLine`; resolves when the stream has ended. While
 * `backlog()` returns a promise, the stream is paused (the writer blocks on its full pipe) until it resolves.
 */
export function pump(
  stream: Readable | null,
  onLine: (line: string) => void,
  backlog?: () => Promise<void> | undefined,
): Promise<void> {
  if (!stream) {
    return Promise.resolve();
  }
  const splitter = new LineSplitter();
  const emit = (lines: string[]) => {
    for (const line of lines) {
      if (line.trim() !== '') {
        onLine(line);
      }
    }
  };
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => {
      emit(splitter.push(chunk));
      const caughtUp = backlog?.();
      if (caughtUp) {
        stream.pause();
        void caughtUp.then(() => stream.resume());
      }
    });
    stream.once('close', () => {
      emit(splitter.end());
      resolve();
    });
    stream.on('error', () => undefined);
  });
}
