package io.examday.session.infra;

import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script from {@code redis/NAME.lua}, run by digest, reloaded if Redis forgot it. */
public final class RedisScript {

  private final UnifiedJedis redis;
  private final Tracer tracer;
  private final String name;
  private final String source;
  private volatile String sha;

  public RedisScript(UnifiedJedis redis, Tracer tracer, String name) {
    this.redis = redis;
    this.tracer = tracer;
    this.name = name;
    this.source = resource("redis/" + name + ".lua");
  }

  /** One call's outcome in a pipeline: its reply, or the error Redis answered it with. */
  public record Reply(Object value, RuntimeException error) {

    /** The reply, or the call's error thrown. */
    public Object get() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /**
   * Runs the script once per call, all calls in one pipeline; a call answered NOSCRIPT (Redis
   * restarted and forgot the script) is run again on its own, which reloads it. Throws if the
   * pipeline itself fails (connection lost).
   */
  public List<Object> runAll(List<List<String>> keys, List<List<String>> args) {
    List<Object> results = new ArrayList<>(keys.size());
    for (Reply reply : runEach(keys, args)) {
      results.add(reply.get());
    }
    return results;
  }

  /**
   * As {@link #runAll}, but a call Redis answers with an error fails only that call: every call
   * gets its own {@link Reply}.
   */
  public List<Reply> runEach(List<List<String>> keys, List<List<String>> args) {
    if (keys.isEmpty()) {
      return List.of();
    }
    String digest = loaded(keys.get(0).get(0));
    List<Response<Object>> replies = new ArrayList<>(keys.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (int i = 0; i < keys.size(); i++) {
        replies.add(pipeline.evalsha(digest, keys.get(i), args.get(i)));
      }
      pipeline.sync();
    }
    List<Reply> results = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      results.add(reply(replies.get(i), keys.get(i), args.get(i)));
    }
    return results;
  }

  private Reply reply(Response<Object> response, List<String> keys, List<String> args) {
    try {
      return new Reply(response.get(), null);
    } catch (JedisNoScriptException e) {
      try {
        return new Reply(run(keys, args), null);
      } catch (RuntimeException again) {
        return new Reply(null, again);
      }
    } catch (RuntimeException e) {
      return new Reply(null, e);
    }
  }

  public Object run(List<String> keys, List<String> args) {
    return RedisCalls.traced(
        tracer,
        "redis EVALSHA " + name,
        () -> {
          try {
            return redis.evalsha(loaded(keys.get(0)), keys, args);
          } catch (JedisNoScriptException e) {
            sha = null;
            return redis.evalsha(loaded(keys.get(0)), keys, args);
          }
        });
  }

  /** The script's digest, loading it first if this instance has not yet (or must again). */
  private String loaded(String key) {
    String digest = sha;
    if (digest == null) {
      digest = redis.scriptLoad(source, key);
      sha = digest;
    }
    return digest;
  }

  private static String resource(String name) {
    try (InputStream in = RedisScript.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
