package io.examday.gateway.release;

/** The release, as the proctor console shows it. Times are RFC 3339 UTC. */
public record ReleaseResponse(
    String examId,
    String releasedAt,
    String releasedBy,
    boolean override,
    boolean alreadyReleased) {}
