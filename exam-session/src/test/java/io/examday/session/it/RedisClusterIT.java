package io.examday.session.it;

import static io.examday.session.support.Fixture.adminToken;
import static io.examday.session.support.Fixture.login;
import static io.examday.session.support.Fixture.proctorToken;
import static io.examday.session.support.Fixture.release;
import static io.examday.session.support.Fixture.save;
import static io.examday.session.support.Fixture.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.RedisCluster;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * exam-session with its hot state on a three-shard Redis Cluster (as on Memorystore for Redis
 * Cluster): the warm-up, logins, autosaves, resume, answered counts and submit work with every
 * session's keys on one slot and the sessions spread over the shards, and losing every shard's data
 * loses nothing acknowledged.
 */
@QuarkusTest
@TestProfile(RedisClusterIT.OnACluster.class)
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class RedisClusterIT {

  private static final int CANDIDATES = 24;

  /** The same service, configured with the cluster's seed nodes instead of one Redis URL. */
  public static class OnACluster implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(Cluster.class));
    }
  }

  /** Starts the cluster for this profile's run of the service. */
  public static class Cluster implements QuarkusTestResourceLifecycleManager {
    static RedisCluster cluster;

    @Override
    public Map<String, String> start() {
      cluster = RedisCluster.start();
      return Map.of("examday.redis.cluster-nodes", cluster.seeds());
    }

    @Override
    public void stop() {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  @Test
  void anExamRunsWithItsHotStateSpreadOverTheShards() {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(CANDIDATES, 3600, 30);
    given()
        .auth()
        .oauth2(adminToken())
        .post("/api/v1/admin/exams/" + exam.examId() + "/warm")
        .then()
        .statusCode(200);
    release(exam.examId());
    List<String> tokens = new ArrayList<>();
    for (String roll : exam.rolls()) {
      tokens.add(login(roll));
    }
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      save(token, "q1", 1, "first " + i).then().statusCode(200);
      save(token, "q2", 1, "two " + i).then().statusCode(200);
      save(token, "q1", 2, "second " + i).then().statusCode(200);
      save(token, "q1", 1, "first " + i).then().statusCode(200); // a retry: the same ack
      save(token, "q1", 0, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    }
    for (int i = 0; i < tokens.size(); i++) {
      state(tokens.get(i))
          .then()
          .statusCode(200)
          .body("answers", hasSize(2))
          .body("answers.find { it.questionId == 'q1' }.value", equalTo("second " + i))
          .body("answers.find { it.questionId == 'q1' }.seq", equalTo(2));
    }
    List<Long> keysPerShard = new ArrayList<>();
    for (var node : Cluster.cluster.nodes()) {
      try (RedisClient shard = RedisClient.create(node.getHost(), node.getPort())) {
        keysPerShard.add(shard.dbSize());
      }
    }
    assertThat(keysPerShard).as("every shard holds part of the hot state").allMatch(n -> n > 0);
    assertThat(answeredCounts(exam.examId())).isEqualTo(Map.of("q1", CANDIDATES, "q2", CANDIDATES));

    // every shard loses everything: the record is Spanner's
    for (var node : Cluster.cluster.nodes()) {
      try (RedisClient shard = RedisClient.create(node.getHost(), node.getPort())) {
        shard.flushAll();
      }
    }
    String first = tokens.get(0);
    save(first, "q1", 1, "older").then().statusCode(409).body("code", equalTo("STALE_SEQUENCE"));
    state(first)
        .then()
        .statusCode(200)
        .body("answers.find { it.questionId == 'q1' }.value", equalTo("second 0"));
    save(first, "q1", 3, "third 0").then().statusCode(200);

    given()
        .auth()
        .oauth2(first)
        .post("/api/v1/session/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));
    save(first, "q2", 2, "late").then().statusCode(409).body("code", equalTo("SESSION_SUBMITTED"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  private static Map<String, Integer> answeredCounts(String examId) {
    return given()
        .auth()
        .oauth2(proctorToken())
        .get("/api/v1/proctor/exams/" + examId + "/answered-counts")
        .then()
        .statusCode(200)
        .extract()
        .as(Map.class);
  }
}
