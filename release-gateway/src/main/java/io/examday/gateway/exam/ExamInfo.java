package io.examday.gateway.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a gateway needs to know about an exam, read once per exam per instance.
 *
 * @param examId the exam
 * @param scheduledStart the earliest a release is allowed without an override
 * @param duration the exam's duration; each candidate's deadline adds their own extra time
 * @param paperDigest sha256 of the current encrypted paper file; empty until prepared
 * @param release the release, once there is one
 */
public record ExamInfo(
    String examId,
    Instant scheduledStart,
    Duration duration,
    Optional<String> paperDigest,
    Optional<ReleaseRecord> release) {}
