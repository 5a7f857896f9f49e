package io.examday.session.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the candidate page (static, served from {@code META-INF/resources}) finds release-gateway.
 * Its own small root beside {@code ExamSessionConfig}: the page's settings are the page's, and
 * nothing else in the service reads them. Env: {@code EXAMDAY_CANDIDATE_PAGE_GATEWAY_URL}, {@code
 * EXAMDAY_CANDIDATE_PAGE_LIVE_URL}.
 */
@ConfigMapping(prefix = "examday.candidate-page")
public interface CandidatePageConfig {

  /** release-gateway's public base URL: the encrypted paper files ({@code /papers/{digest}}). */
  @WithDefault("http://127.0.0.1:8081")
  String gatewayUrl();

  /** Base URL of the candidate WebSocket ({@code /v1/exams/{examId}/live}): the dedicated port. */
  @WithDefault("ws://127.0.0.1:8082")
  String liveUrl();
}
