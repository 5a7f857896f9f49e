package io.examday.gateway.release;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The proctor behind a request, from the verified IdP token.
 *
 * @param subject who (audit log), never a candidate
 * @param authMethods the token's {@code amr}
 * @param authTime when the proctor last authenticated ({@code auth_time})
 */
public record ProctorIdentity(
    String subject, Set<String> authMethods, Optional<Instant> authTime) {}
