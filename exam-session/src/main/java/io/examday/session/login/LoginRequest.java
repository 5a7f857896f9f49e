package io.examday.session.login;

/**
 * A candidate's login.
 *
 * @param rollNumber the roll number printed on the admit card
 * @param accessCode the access code issued with it
 */
public record LoginRequest(String rollNumber, String accessCode) {}
