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

/** Where a run of archived records is (archive.ts): `count` records in `bytes` bytes at `at` of archive `file`. */
export interface ArchiveRun {
  file: number;
  at: number;
  count: number;
  bytes: number;
}

/** An incomplete tail recovery removed from the end of the last segment. */
export interface DroppedTail {
  file: string;
  /** Where the dropped bytes started. */
  offset: number;
  bytes: number;
  /** The last seq before them. */
  afterSeq: number;
  /** Why they were not a record. */
  reason: string;
  /**
   * The last acknowledged seq the checkpoint names (<= afterSeq, or recovery would have refused), or
   * undefined when there was no readable checkpoint: then whether the tail was acknowledged is unknown.
   */
  acknowledgedSeq: number | undefined;
}

export interface OpenedLog {
  /** The last snapshot written by compact(), if any. */
  snapshot: unknown | undefined;
  /** The seq the snapshot covers (0 without one). */
  snapshotSeq: number;
  /** Records after the snapshot, in order (decoded anew at each read of this property). */
  readonly records: LogRecord[];
  recordCount: number;
  /** The same records, decoded one at a time (replay uses this, so each can be dropped once applied). */
  readRecords(): Iterator<LogRecord>;
  /** Bytes of an incomplete tail that recovery dropped (0 when the log was clean). */
  droppedTailBytes: number;
  droppedTail?: DroppedTail | undefined;
  /** Written before format 2 (plain segments or a format-1 snapshot): compact soon to migrate it. */
  legacy: boolean;
  /** Why the checkpoint could not be used (absent or unreadable), when it could not. */
  checkpointProblem?: string | undefined;
}
