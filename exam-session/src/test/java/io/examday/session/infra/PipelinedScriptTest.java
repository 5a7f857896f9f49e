package io.examday.session.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.session.support.RedisServer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** On a private redis-server: the pipelined script against real round trips and failures. */
class PipelinedScriptTest {

  private RedisServer server;
  private RedisClient redis;
  private PipelinedScript pipeline;
  private final ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    server = RedisServer.start();
    redis = RedisClient.create(server.url());
    RedisScript echo = new RedisScript(redis, OpenTelemetry.noop().getTracer("test"), "echo-test");
    pipeline = new PipelinedScript(echo, "echo", 2, 64, sizes::add);
  }

  @AfterEach
  void stop() {
    pipeline.close();
    redis.close();
    server.close();
  }

  @Test
  void everyCallerGetsItsOwnReplyAndCallsShareRoundTrips() throws Exception {
    List<CompletableFuture<Object>> replies = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      replies.add(pipeline.submit(List.of("k" + i), List.of("v" + i)));
    }
    for (int i = 0; i < replies.size(); i++) {
      assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(List.of("k" + i, "v" + i));
    }
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    assertThat(sizes).allMatch(size -> size <= 64);
    assertThat(sizes.size()).isLessThan(2_000);
  }

  @Test
  void aCallRedisRefusesFailsAloneAndAForgottenScriptIsReloaded() throws Exception {
    pipeline.submit(List.of("warm"), List.of("up")).get(10, TimeUnit.SECONDS);
    redis.scriptFlush();
    CompletableFuture<Object> before = pipeline.submit(List.of("a"), List.of("1"));
    CompletableFuture<Object> refused = pipeline.submit(List.of("b"), List.of("fail"));
    CompletableFuture<Object> after = pipeline.submit(List.of("c"), List.of("3"));
    assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo(List.of("a", "1"));
    assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(List.of("c", "3"));
    assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(JedisDataException.class)
        .hasMessageContaining("asked to fail");
  }

  @Test
  void aLostRedisFailsTheCallsAndTheSendersCarryOn() throws Exception {
    pipeline.submit(List.of("warm"), List.of("up")).get(10, TimeUnit.SECONDS);
    server.close();
    for (int attempt = 0; attempt < 3; attempt++) {
      CompletableFuture<Object> lost = pipeline.submit(List.of("k"), List.of("v"));
      assertThatThrownBy(() -> lost.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(JedisConnectionException.class);
    }
  }

  @Test
  void aClosedPipelineRefusesNewCalls() {
    pipeline.close();
    CompletableFuture<Object> late = pipeline.submit(List.of("k"), List.of("v"));
    assertThatThrownBy(() -> late.get(1, TimeUnit.SECONDS))
        .hasCauseInstanceOf(JedisConnectionException.class)
        .hasMessageContaining("shutting down");
  }
}
