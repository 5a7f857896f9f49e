package io.examday.session.domain;

/** What the hot state says about one incoming answer, before anything is written to Spanner. */
public enum SaveVerdict {
  /** A newer sequence than any accepted: write it. */
  NEW,
  /** The same sequence and value as one already durable: acknowledge again, write nothing. */
  ALREADY_SAVED,
  /** The same sequence and value as one accepted but not yet known durable: write it again. */
  RETRY,
  /** The same sequence with a different value: a client bug, refuse. */
  CONFLICT,
  /** Older than the newest accepted: an acknowledged retry, or stale; Spanner decides. */
  OLDER
}
