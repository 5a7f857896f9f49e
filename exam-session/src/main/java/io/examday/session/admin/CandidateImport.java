package io.examday.session.admin;

import java.util.List;

/**
 * Candidates to register for an exam, at most 1,000 per request.
 *
 * @param candidates the candidates
 */
public record CandidateImport(List<Entry> candidates) {

  /**
   * One candidate.
   *
   * @param rollNumber the roll number
   * @param accessCode the access code issued to them (only its hash is stored)
   * @param extraTimeSeconds accommodation, 0 for none
   */
  public record Entry(String rollNumber, String accessCode, Long extraTimeSeconds) {}
}
