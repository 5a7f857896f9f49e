package io.examday.session.admin;

import java.time.Instant;
import java.util.List;

/**
 * An exam as an administrator defines it.
 *
 * @param title shown to candidates
 * @param scheduledStart the planned release
 * @param durationSeconds the working time
 * @param graceSeconds saves accepted this long after a deadline (network delays)
 * @param questionIds the questions
 */
public record ExamDefinition(
    String title,
    Instant scheduledStart,
    Long durationSeconds,
    Long graceSeconds,
    List<String> questionIds) {}
