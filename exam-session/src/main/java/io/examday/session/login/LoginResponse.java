package io.examday.session.login;

import java.time.Instant;

/**
 * A session token for the candidate's current attempt.
 *
 * @param token the bearer token for exam-session and release-gateway
 * @param expiresAt when to refresh it by
 * @param sessionId the session
 * @param examId the exam
 */
public record LoginResponse(String token, Instant expiresAt, String sessionId, String examId) {}
