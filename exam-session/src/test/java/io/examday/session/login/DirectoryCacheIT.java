package io.examday.session.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import io.examday.session.support.ExamSessionTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** An import's tombstones on the real Redis: each replaces its entry whole and always expires. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class DirectoryCacheIT {

  @Inject DirectoryCache directory;
  @Inject UnifiedJedis redis;

  @Test
  void tombstonesReplaceTheEntryAndExpire() {
    String roll = "dir-" + UUID.randomUUID();
    String other = "dir-" + UUID.randomUUID();
    String key = RollNumberKeys.directory(roll);
    redis.hset(key, Map.of("sid", "s-1", "hash", "old-code-hash")); // a cached entry, no expiry
    directory.forgetPending(List.of(roll, other));
    assertThat(redis.hgetAll(key)).containsExactly(Map.entry("tombstone", "pending"));
    assertThat(redis.pttl(key))
        .isPositive()
        .isLessThanOrEqualTo(DirectoryCache.TOMBSTONE_SECONDS * 1000);
    assertThat(redis.pttl(RollNumberKeys.directory(other))).isPositive();

    directory.forgotAt(List.of(roll), Timestamp.ofTimeMicroseconds(1_700_000_000_000_000L));
    assertThat(redis.hgetAll(key)).containsExactly(Map.entry("tombstone", "1700000000000000"));
    assertThat(redis.pttl(key)).isPositive();
  }
}
