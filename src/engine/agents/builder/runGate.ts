/**
 * Where a builder run may stop: between steps it waits while the engine has it suspended, and throws an
 * AbortError once the workflow is cancelled. Work inside a step is short (file writes, git), so stopping
 * between steps is stopping at once.
 */
import { abortable, abortError } from '../emulator/clock';

export class RunGate {
  private held: { promise: Promise<void>; release: () => void } | undefined;

  constructor(private readonly signal: AbortSignal) {}

  suspend(): void {
    if (!this.held) {
      let release!: () => void;
      const promise = new Promise<void>((resolve) => (release = resolve));
      this.held = { promise, release };
    }
  }

  resume(): void {
    this.held?.release();
    this.held = undefined;
  }

  /** Resolves when the run may go on; rejects with an AbortError when it must stop. */
  async pass(): Promise<void> {
    this.throwIfAborted();
    while (this.held) {
      await abortable(this.held.promise, this.signal);
    }
    this.throwIfAborted();
  }

  throwIfAborted(): void {
    if (this.signal.aborted) {
      throw abortError();
    }
  }
}
