package io.examday.session.it;

import static io.examday.session.support.Fixture.proctorToken;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.spanner.ResultSet;
import com.google.cloud.spanner.Statement;
import io.examday.session.config.ExamSessionConfig;
import io.examday.session.hotstate.AnsweredCounters;
import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Proctors' per-question answered counts: Redis counters that survive Redis losing them. */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class AnsweredCountsIT {

  @Inject AnsweredCounters counters;
  @Inject ExamSessionConfig config;

  private Fixture.Exam exam;
  private List<String> tokens;

  @BeforeEach
  void releasedExam() {
    TestClockProducer.CLOCK.set(Instant.now());
    exam = Fixture.exam(3, 3600, 30);
    release(exam.examId());
    tokens = exam.rolls().stream().map(Fixture::login).toList();
  }

  @Test
  void countsEqualTheRecordAfterRedisIsFlushed() {
    save(tokens.get(0), "q1", 1, "a").then().statusCode(200);
    save(tokens.get(0), "q2", 1, "b").then().statusCode(200);
    save(tokens.get(1), "q1", 1, "c").then().statusCode(200);
    assertThat(counts()).isEqualTo(Map.of("q1", 2L, "q2", 1L)).isEqualTo(fromRecord());

    flushRedis();
    save(tokens.get(1), "q2", 1, "new question for this session").then().statusCode(200);
    save(tokens.get(0), "q1", 2, "re-answer").then().statusCode(200);
    save(tokens.get(2), "q3", 1, "new question for the exam").then().statusCode(200);
    afterTheCache();
    assertThat(counts()).isEqualTo(Map.of("q1", 2L, "q2", 2L, "q3", 1L)).isEqualTo(fromRecord());

    save(tokens.get(2), "q1", 1, "counted on the seeded counters").then().statusCode(200);
    save(tokens.get(1), "q2", 2, "re-answer, not counted").then().statusCode(200);
    afterTheCache();
    assertThat(counts()).isEqualTo(Map.of("q1", 3L, "q2", 2L, "q3", 1L)).isEqualTo(fromRecord());
  }

  @Test
  void countsAreServedFromCacheForTheirTtl() {
    save(tokens.get(0), "q1", 1, "a").then().statusCode(200);
    assertThat(counts()).isEqualTo(Map.of("q1", 1L));
    save(tokens.get(1), "q1", 1, "b").then().statusCode(200);
    TestClockProducer.CLOCK.advance(ttl().minusMillis(1));
    assertThat(counts()).isEqualTo(Map.of("q1", 1L));
    TestClockProducer.CLOCK.advance(Duration.ofMillis(2));
    assertThat(counts()).isEqualTo(Map.of("q1", 2L));
  }

  @Test
  void seedAddsTheCommitsAfterItsReadAndNothingIsCountedTwice() {
    String examId = "counters-" + UUID.randomUUID();
    Instant readAt = Instant.parse("2026-12-02T10:00:00Z");
    Instant before = readAt.minusMillis(1);
    Instant after = readAt.plusMillis(1);

    counters.add(Map.of(examId, Map.of("q1", 1L)), before);
    assertThat(counters.read(examId)).as("not seeded: nothing counted").isEmpty();

    String claim = counters.claimSeeding(examId).orElseThrow();
    assertThat(counters.claimSeeding(examId)).as("one pod seeds").isEmpty();
    counters.add(Map.of(examId, Map.of("q1", 1L)), before); // in the snapshot already
    counters.add(Map.of(examId, Map.of("q2", 1L)), after); // committed after the read
    assertThat(counters.seed(examId, claim, Map.of("q1", 5L), readAt))
        .contains(Map.of("q1", 5L, "q2", 1L));

    counters.add(Map.of(examId, Map.of("q1", 1L)), readAt); // a late mark of a snapshot commit
    counters.add(Map.of(examId, Map.of("q1", 1L)), after.plusMillis(1));
    assertThat(counters.read(examId)).contains(Map.of("q1", 6L, "q2", 1L));
    assertThat(counters.seed(examId, claim, Map.of("q1", 0L), readAt)).isEmpty();
    assertThat(counters.read(examId)).contains(Map.of("q1", 6L, "q2", 1L));
  }

  @Test
  void aLostClaimSeedsNothing() {
    String examId = "counters-" + UUID.randomUUID();
    String claim = counters.claimSeeding(examId).orElseThrow();
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.del("ecs:{" + examId + "}"); // expired: commits since may have gone uncounted
    }
    assertThat(counters.seed(examId, claim, Map.of("q1", 1L), Instant.now())).isEmpty();
    assertThat(counters.read(examId)).isEmpty();
  }

  private Duration ttl() {
    return config.exams().answeredCountsTtl();
  }

  private void afterTheCache() {
    TestClockProducer.CLOCK.advance(ttl().plusMillis(1));
  }

  private static void flushRedis() {
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.flushAll();
    }
  }

  private Map<String, Long> counts() {
    Map<String, Integer> body =
        given()
            .auth()
            .oauth2(proctorToken())
            .get("/api/v1/proctor/exams/" + exam.examId() + "/answered-counts")
            .then()
            .statusCode(200)
            .extract()
            .as(Map.class);
    Map<String, Long> counts = new HashMap<>();
    body.forEach((q, n) -> counts.put(q, n.longValue()));
    return counts;
  }

  /** What Spanner holds: sessions with an answer, per question. */
  private Map<String, Long> fromRecord() {
    Map<String, Long> counts = new HashMap<>();
    Statement query =
        Statement.newBuilder(
                "SELECT a.QuestionId, COUNT(DISTINCT a.SessionId) AS N FROM Sessions s JOIN"
                    + " AnswerEvents a ON a.SessionId = s.SessionId WHERE s.ExamId = @exam"
                    + " GROUP BY a.QuestionId")
            .bind("exam")
            .to(exam.examId())
            .build();
    try (ResultSet r = ExamSessionTestResource.database.client().singleUse().executeQuery(query)) {
      while (r.next()) {
        counts.put(r.getString("QuestionId"), r.getLong("N"));
      }
    }
    return counts;
  }
}
