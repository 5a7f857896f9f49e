package io.examday.session.proctor;

/**
 * A proctor's request on one session.
 *
 * @param seconds extra time to add (extra-time only), 1 to 14,400
 * @param reason why; required, it goes to the audit log
 */
public record ProctorAction(Long seconds, String reason) {}
