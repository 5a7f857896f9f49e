package io.examday.gateway.release;

/**
 * {@code POST /api/v1/proctor/exams/{examId}/release}.
 *
 * @param override release before the scheduled start
 * @param reason why (required with an override; audited either way)
 */
public record ReleaseRequest(boolean override, String reason) {}
