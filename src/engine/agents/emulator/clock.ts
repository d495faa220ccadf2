/**
 * Waiting that can be frozen and cancelled: the emulator's timeline. `sleep` resolves after the
 * given time has passed while not suspended (the rest of a wait is kept across suspend/resume),
 * and rejects with an AbortError as soon as the signal aborts. A zero wait still yields to the
 * event loop (setImmediate), so speed 0 runs as fast as possible but asynchronously.
 */
export function abortError(): Error {
  return Object.assign(new Error('The workflow was cancelled'), { name: 'AbortError' });
}

interface Wait {
  remaining: number;
  startedAt: number;
  /** Cancels the armed timer, when one is armed. */
  disarm: (() => void) | undefined;
  fire(): void;
}

export class PausableClock {
  private suspended = false;
  private wait: Wait | undefined;

  constructor(private readonly signal: AbortSignal) {}

  get isSuspended(): boolean {
    return this.suspended;
  }

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.signal.aborted) {
        return reject(abortError());
      }
      const onAbort = () => {
        this.clear();
        this.wait = undefined;
        reject(abortError());
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      this.wait = {
        remaining: Math.max(0, ms),
        startedAt: 0,
        disarm: undefined,
        fire: () => {
          this.signal.removeEventListener('abort', onAbort);
          this.wait = undefined;
          resolve();
        },
      };
      if (!this.suspended) {
        this.arm();
      }
    });
  }

  /** Freezes the current wait (keeping its remaining time) and any wait started meanwhile. */
  suspend(): void {
    if (this.suspended) {
      return;
    }
    this.suspended = true;
    const w = this.wait;
    if (!w) {
      return;
    }
    this.clear();
    w.remaining = Math.max(0, w.remaining - (Date.now() - w.startedAt));
  }

  resume(): void {
    if (!this.suspended) {
      return;
    }
    this.suspended = false;
    if (this.wait) {
      this.arm();
    }
  }

  private arm(): void {
    const w = this.wait!;
    w.startedAt = Date.now();
    if (w.remaining > 0) {
      const t = setTimeout(w.fire, w.remaining);
      w.disarm = () => clearTimeout(t);
    } else {
      const t = setImmediate(w.fire);
      w.disarm = () => clearImmediate(t);
    }
  }

  private clear(): void {
    const w = this.wait;
    w?.disarm?.();
    if (w) {
      w.disarm = undefined;
    }
  }
}

/** Rejects with an AbortError when the signal aborts before `p` settles. */
export function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
