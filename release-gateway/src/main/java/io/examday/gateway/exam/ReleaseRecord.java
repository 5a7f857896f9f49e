package io.examday.gateway.exam;

import java.time.Instant;

/**
 * One exam's release as recorded in Spanner ({@code ExamReleases}).
 *
 * @param examId the exam
 * @param releasedAt the commit timestamp: the official start
 * @param releasedBy the proctor's subject
 * @param override whether it was released before the scheduled start
 * @param paperDigest the paper file whose key the release unlocked
 */
public record ReleaseRecord(
    String examId, Instant releasedAt, String releasedBy, boolean override, String paperDigest) {}
