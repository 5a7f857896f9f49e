package io.examday.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What exam-session needs to know of an exam.
 *
 * @param examId the exam
 * @param scheduledStart when the release is planned
 * @param duration how long candidates have
 * @param grace how long after a deadline saves are still accepted (network delays)
 * @param questionIds the questions answers may be saved for
 * @param releasedAt the official start, once released
 */
public record ExamFacts(
    String examId,
    Instant scheduledStart,
    Duration duration,
    Duration grace,
    Set<String> questionIds,
    Optional<Instant> releasedAt) {}
