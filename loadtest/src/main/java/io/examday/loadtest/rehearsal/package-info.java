/**
 * The exam-day rehearsal: prepares an exam for N candidates ({@link
 * io.examday.loadtest.rehearsal.PrepareCommand}), then the Gatling simulation ({@code
 * RehearsalSimulation} in the test sources, run by {@code gatling:test}, one process per shard of
 * candidates) drives them in the real shape, and {@link
 * io.examday.loadtest.rehearsal.SummarizeCommand} folds the shards' metrics and the verifier's
 * report into {@code rehearsal.json}. {@code ./examday rehearse} runs the three steps.
 */
package io.examday.loadtest.rehearsal;
