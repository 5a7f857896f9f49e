package io.examday.session.infra;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Runs one Lua script for many callers without a thread waiting per call: a caller queues its call
 * and gets a future; a sender thread takes everything queued (up to {@code maxCalls}), sends it as
 * one pipeline and completes each future with its own reply. While one pipeline is out the next one
 * fills, so under load calls share round trips by themselves, and at low load a call goes out at
 * once (nothing waits for a batch to fill).
 *
 * <p>A call Redis answers with an error fails only that call; a lost connection fails the calls of
 * that pipeline, and a call after {@link #close} fails at once; each with a Jedis exception, as a
 * direct call would. Futures complete on a sender thread: whatever a caller chains on them must not
 * block.
 */
public final class PipelinedScript implements AutoCloseable {

  private record Call(List<String> keys, List<String> args, CompletableFuture<Object> reply) {}

  private final RedisScript script;
  private final IntConsumer pipelineSizes;
  private final Batcher<Call> batcher;

  public PipelinedScript(
      RedisScript script, String name, int senderCount, int maxCalls, IntConsumer pipelineSizes) {
    this.script = script;
    this.pipelineSizes = pipelineSizes;
    this.batcher = new Batcher<>("redis-" + name, senderCount, maxCalls, Duration.ZERO, this::send);
  }

  public CompletableFuture<Object> submit(List<String> keys, List<String> args) {
    CompletableFuture<Object> reply = new CompletableFuture<>();
    if (batcher.offer(new Call(keys, args, reply)) != Batcher.Offer.QUEUED) {
      reply.completeExceptionally(
          new JedisConnectionException("Redis pipeline closed: this server is shutting down"));
    }
    return reply;
  }

  private void send(List<Call> batch) {
    pipelineSizes.accept(batch.size());
    List<RedisScript.Reply> replies;
    try {
      replies =
          script.runEach(
              batch.stream().map(Call::keys).toList(), batch.stream().map(Call::args).toList());
    } catch (RuntimeException e) {
      batch.forEach(call -> call.reply().completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      RedisScript.Reply reply = replies.get(i);
      CompletableFuture<Object> future = batch.get(i).reply();
      if (reply.error() == null) {
        future.complete(reply.value());
      } else {
        future.completeExceptionally(reply.error());
      }
    }
  }

  /** Sends what is queued, then stops the senders. */
  @Override
  public void close() {
    batcher.close();
  }
}
