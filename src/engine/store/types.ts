/**
 * The durable log the engine's state lives in. Records are opaque JSON objects to the store; the
 * engine's reducer (src/engine/state) gives them meaning. See docs/ARCHITECTURE.md "Durability".
 */
export interface LogRecord {
  /** Assigned by the store: 1, 2, 3, … without gaps, continuing across restarts and compactions. */
  seq: number;
  /** Record type, e.g. "project.created". */
  type: string;
  [key: string]: unknown;
}

export type NewRecord = Omit<LogRecord, 'seq'>;

export interface OpenedLog {
  /** The last snapshot written by compact(), if any. */
  snapshot: unknown | undefined;
  /** The seq the snapshot covers (0 without one). */
  snapshotSeq: number;
  /** Records after the snapshot, in order. */
  records: LogRecord[];
  /** Bytes of an incomplete or corrupt tail that recovery dropped (0 when the log was clean). */
  droppedTailBytes: number;
}
