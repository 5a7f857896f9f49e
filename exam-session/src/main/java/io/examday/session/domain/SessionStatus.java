package io.examday.session.domain;

/** Where a session is. WAITING is derived (not released yet); the others are stored. */
public enum SessionStatus {
  WAITING,
  ACTIVE,
  PAUSED,
  SUBMITTING,
  SUBMITTED
}
