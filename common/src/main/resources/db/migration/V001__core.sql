-- Core exam-day schema. Keys are random UUIDs or authority-issued ids, never monotonic
-- values, so writes spread over splits instead of hot-spotting one.

CREATE TABLE Exams (
  ExamId STRING(64) NOT NULL,
  Title STRING(256) NOT NULL,
  ScheduledStart TIMESTAMP NOT NULL,
  DurationSeconds INT64 NOT NULL,
  GraceSeconds INT64 NOT NULL,
  CreatedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (ExamId);

CREATE TABLE Questions (
  ExamId STRING(64) NOT NULL,
  QuestionId STRING(64) NOT NULL,
  Position INT64 NOT NULL,
) PRIMARY KEY (ExamId, QuestionId),
  INTERLEAVE IN PARENT Exams ON DELETE CASCADE;

-- One row per released exam; inserted (never upserted) so an exam is released exactly once.
-- ReleasedAt is the commit timestamp: the official start every deadline is computed from.
CREATE TABLE ExamReleases (
  ExamId STRING(64) NOT NULL,
  ReleasedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
  ReleasedBy STRING(256) NOT NULL,
  Override BOOL NOT NULL,
  Reason STRING(1024),
) PRIMARY KEY (ExamId),
  INTERLEAVE IN PARENT Exams ON DELETE CASCADE;

CREATE TABLE Candidates (
  CandidateId STRING(36) NOT NULL,
  ExamId STRING(64) NOT NULL,
  RollNumber STRING(64) NOT NULL,
  CredentialHash STRING(256) NOT NULL,
  ExtraTimeSeconds INT64 NOT NULL,
  Accommodations STRING(MAX),
  -- The session of the candidate's current attempt, created with the candidate, so that login
  -- is a single index read and never a read-write transaction under the login spike.
  CurrentSessionId STRING(36) NOT NULL,
  CreatedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (CandidateId);

CREATE UNIQUE INDEX CandidatesByRollNumber ON Candidates (RollNumber)
  STORING (ExamId, CredentialHash, ExtraTimeSeconds, CurrentSessionId);

CREATE INDEX CandidatesByExam ON Candidates (ExamId);

-- One row per candidate attempt. Status: ACTIVE, PAUSED, SUBMITTED.
CREATE TABLE Sessions (
  SessionId STRING(36) NOT NULL,
  CandidateId STRING(36) NOT NULL,
  ExamId STRING(64) NOT NULL,
  Attempt INT64 NOT NULL,
  Status STRING(16) NOT NULL,
  ExtraSeconds INT64 NOT NULL,
  PausedSeconds INT64 NOT NULL,
  PausedAt TIMESTAMP,
  SubmittedAt TIMESTAMP,
  SubmitReason STRING(16),
  CreatedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
  UpdatedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (SessionId);

CREATE UNIQUE INDEX SessionsByCandidate ON Sessions (CandidateId, Attempt);

CREATE INDEX SessionsByExam ON Sessions (ExamId, Status);

-- Append-only answer log, interleaved under its session so a session and its answers share a
-- split. ClientSeq DESC: the first row of each question is its latest answer.
CREATE TABLE AnswerEvents (
  SessionId STRING(36) NOT NULL,
  QuestionId STRING(64) NOT NULL,
  ClientSeq INT64 NOT NULL,
  Value STRING(MAX) NOT NULL,
  ValueSha256 BYTES(32) NOT NULL,
  CommittedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (SessionId, QuestionId, ClientSeq DESC),
  INTERLEAVE IN PARENT Sessions ON DELETE NO ACTION;

-- Append-only record of every privileged action: who, what, when, why.
CREATE TABLE AuditLog (
  ExamId STRING(64) NOT NULL,
  EventId STRING(36) NOT NULL,
  OccurredAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
  Actor STRING(256) NOT NULL,
  Action STRING(64) NOT NULL,
  SessionId STRING(36),
  Reason STRING(1024),
  Details STRING(MAX),
) PRIMARY KEY (ExamId, EventId);

CREATE INDEX AuditLogByTime ON AuditLog (ExamId, OccurredAt DESC);
