/**
 * The Spanner commit benchmark ({@code ./examday bench commit}): how many answer rows the Spanner
 * emulator stores per second when nothing but a committer talks to it, for a few batch sizes and
 * numbers of concurrent committers. It is the ceiling under {@code ./examday bench autosave}: no
 * number of exam-session pods makes the emulator store more saves than this.
 */
package io.examday.loadtest.commit;
