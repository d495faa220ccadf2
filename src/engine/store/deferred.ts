/** A promise with its settle functions, as the flush loop needs them (one per batch / rotation). */
export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(e: Error): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A caller may ignore `durable` (the engine fail-stops through other paths); an ignored rejection
  // must not become an unhandled rejection that kills the process before the engine can log it.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export function rejected(e: Error): Promise<void> {
  const d = deferred();
  d.reject(e);
  return d.promise;
}
