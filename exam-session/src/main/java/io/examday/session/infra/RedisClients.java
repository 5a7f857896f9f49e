package io.examday.session.infra;

import io.examday.session.config.ExamSessionConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/** The pooled Jedis client for the hot state. */
public class RedisClients {

  @Produces
  @Singleton
  @Startup
  RedisClient redis(ExamSessionConfig config) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.redis().maxConnections());
    pool.setMaxIdle(config.redis().maxConnections());
    pool.setMaxWait(Duration.ofSeconds(5));
    return RedisClient.builder().fromURI(config.redis().url()).poolConfig(pool).build();
  }

  void close(@Disposes RedisClient redis) {
    redis.close();
  }
}
