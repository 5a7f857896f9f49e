package io.examday.session.infra;

import io.examday.session.config.ExamSessionConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The pooled Jedis client for the hot state: one Redis (its URL), or a Redis Cluster (its seed
 * nodes), such as Memorystore for Redis Cluster. Every key the service writes carries a hash tag
 * (the session's or the exam's id), so each script's keys share a slot and a pipeline is split by
 * node; nothing else changes between the two.
 */
public class RedisClients {

  private static final Logger LOG = Logger.getLogger(RedisClients.class);

  @Produces
  @Singleton
  @Startup
  UnifiedJedis redis(ExamSessionConfig config) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.redis().maxConnections());
    pool.setMaxIdle(config.redis().maxConnections());
    pool.setMaxWait(Duration.ofSeconds(5));
    List<String> nodes = config.redis().clusterNodes().orElse(List.of());
    if (nodes.isEmpty()) {
      return RedisClient.builder().fromURI(config.redis().url()).poolConfig(pool).build();
    }
    Set<HostAndPort> seeds = nodes.stream().map(HostAndPort::from).collect(Collectors.toSet());
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder().ssl(config.redis().clusterTls());
    if (config.redis().clusterAuth() == ExamSessionConfig.RedisConfig.ClusterAuth.IAM) {
      client.credentialsProvider(RedisIamCredentials.applicationDefault());
    }
    LOG.infof(
        "hot state on a Redis Cluster (%d seed nodes, tls %s, auth %s)",
        seeds.size(), config.redis().clusterTls(), config.redis().clusterAuth());
    return RedisClusterClient.builder()
        .nodes(seeds)
        .clientConfig(client.build())
        .poolConfig(pool)
        .build();
  }

  void close(@Disposes UnifiedJedis redis) {
    redis.close();
  }
}
