/**
 * What a harness program must undo (browser, code-server, a throwaway engine), in reverse order, at
 * the end or on Ctrl-C / SIGTERM. Only things this process started are ever registered.
 */
export class Cleanups {
  private readonly stack: Array<() => unknown> = [];
  private running: Promise<void> | undefined;

  /** Installs SIGINT/SIGTERM handlers that undo everything, then exit with 130/143 (or `onSignal`'s code). */
  constructor(onSignal?: (signal: NodeJS.Signals) => number | undefined) {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      process.once(signal, () => void this.run().then(() => process.exit(onSignal?.(signal) ?? code)));
    }
  }

  push(fn: () => unknown): void {
    this.stack.push(fn);
  }

  /** Undoes everything registered so far (each step's failure is ignored); safe to call twice. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (let c = this.stack.pop(); c; c = this.stack.pop()) {
        await Promise.resolve()
          .then(c)
          .catch(() => undefined);
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
