/**
 * The fan-out benchmark ({@code ./examday bench fanout}): a herd of idle candidate WebSockets on
 * release-gateway, a release, and how long each candidate waited for the paper key.
 *
 * <p>{@link io.examday.loadtest.fanout.FanoutBench} coordinates; each {@link
 * io.examday.loadtest.fanout.HerdWorker} is a separate JVM (this machine allows 20,000 open files
 * per process) that holds its share of the connections on Vert.x event loops, not a thread per
 * connection.
 */
package io.examday.loadtest.fanout;
