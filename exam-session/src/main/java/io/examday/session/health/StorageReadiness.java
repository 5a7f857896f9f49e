package io.examday.session.health;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.UnifiedJedis;

/** Ready only when both Redis and Spanner answer: a pod without them cannot acknowledge saves. */
@Readiness
@Singleton
public class StorageReadiness implements HealthCheck {

  private final UnifiedJedis redis;
  private final DatabaseClient db;

  public StorageReadiness(UnifiedJedis redis, DatabaseClient db) {
    this.redis = redis;
    this.db = db;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("storage");
    boolean redisUp = probe(() -> "PONG".equals(redis.ping()));
    boolean spannerUp =
        probe(
            () -> {
              try (ResultSet r = db.singleUse().executeQuery(Statement.of("SELECT 1"))) {
                return r.next();
              }
            });
    return response
        .withData("redis", redisUp)
        .withData("spanner", spannerUp)
        .status(redisUp && spannerUp)
        .build();
  }

  private static boolean probe(java.util.function.BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
