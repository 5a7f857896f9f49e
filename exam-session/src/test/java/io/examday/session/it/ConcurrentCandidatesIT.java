package io.examday.session.it;

import static io.examday.session.support.Fixture.release;
import static org.assertj.core.api.Assertions.assertThat;

import io.examday.session.support.ExamSessionTestResource;
import io.examday.session.support.Fixture;
import io.examday.session.support.Metrics;
import io.examday.session.support.TestClockProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * 1,000 simulated candidates, all with live sessions at once, save in rounds (with re-answers and
 * retries of acknowledged saves); after Redis is flushed, every one resumes with exactly their
 * latest acknowledged answers. Requests in flight are bounded like a browser fleet behind a load
 * balancer, not one thread per request.
 */
@QuarkusTest
@QuarkusTestResource(value = ExamSessionTestResource.class, restrictToAnnotatedClass = false)
class ConcurrentCandidatesIT {

  private static final int CANDIDATES = 1000;
  private static final int IN_FLIGHT = 48;
  private static final int ROUNDS = 2;

  @Test
  void everyoneResumesWithTheirLatestAcknowledgedAnswers() throws Exception {
    TestClockProducer.CLOCK.set(Instant.now());
    Fixture.Exam exam = Fixture.exam(CANDIDATES, 3600, 30);
    release(exam.examId());
    Map<String, String> tokens = new ConcurrentHashMap<>();
    Map<String, Map<String, String>> acked = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT)) {
      runAll(pool, exam.rolls(), roll -> tokens.put(roll, Fixture.login(roll)));
      for (int round = 1; round <= ROUNDS; round++) {
        int seq = round;
        runAll(pool, exam.rolls(), roll -> saveOne(roll, seq, tokens.get(roll), acked));
      }
    }
    try (RedisClient redis = RedisClient.create(ExamSessionTestResource.redis.url())) {
      redis.flushAll();
    }
    Map<String, Map<String, String>> resumed = new ConcurrentHashMap<>();
    double[] before = rebuildBatches();
    try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT)) {
      runAll(pool, exam.rolls(), roll -> resumed.put(roll, resume(tokens.get(roll))));
    }
    double[] after = rebuildBatches();
    for (String roll : exam.rolls()) {
      assertThat(resumed.get(roll)).as(roll).isEqualTo(acked.get(roll));
    }
    double sessions = after[1] - before[1];
    double batches = after[0] - before[0];
    assertThat(sessions).as("each session's hot state rebuilt once").isEqualTo(CANDIDATES);
    assertThat(batches)
        .as("sessions missing at the same moment share their Spanner reads")
        .isLessThan(CANDIDATES / 2.0);
    // the rebuilt hot state knows each newest answer: a re-send is the same acknowledgement, the
    // same sequence with another value a conflict
    try (ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT)) {
      runAll(pool, exam.rolls(), roll -> judgedAfterRebuild(tokens.get(roll), acked.get(roll)));
    }
  }

  private static Object judgedAfterRebuild(String token, Map<String, String> answers) {
    Map.Entry<String, String> newest = answers.entrySet().iterator().next();
    String value = newest.getValue();
    long seq = Long.parseLong(value.substring(value.lastIndexOf('/') + 1));
    Fixture.save(token, newest.getKey(), seq, value)
        .then()
        .statusCode(200)
        .body("acks[0].status", org.hamcrest.Matchers.equalTo("SAVED"));
    Fixture.save(token, newest.getKey(), seq, value + " changed")
        .then()
        .statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("SEQUENCE_CONFLICT"));
    return null;
  }

  /** {batches, sessions} of the batched rebuilds so far, from the metrics. */
  private static double[] rebuildBatches() {
    String metrics = Metrics.scrape();
    return new double[] {
      Metrics.sum(metrics, "examday_session_rebuild_batch_sessions_count"),
      Metrics.sum(metrics, "examday_session_rebuild_batch_sessions_sum")
    };
  }

  /** Every candidate's page reloads at once after the flush: what does each get back? */
  private static Map<String, String> resume(String token) {
    JsonPath state = Fixture.state(token).then().statusCode(200).extract().jsonPath();
    Map<String, String> answers = new HashMap<>();
    for (Map<String, Object> answer : state.<Map<String, Object>>getList("answers")) {
      answers.put((String) answer.get("questionId"), (String) answer.get("value"));
    }
    return answers;
  }

  private static Object saveOne(
      String roll, int seq, String token, Map<String, Map<String, String>> acked) {
    String question = Fixture.QUESTIONS.get(ThreadLocalRandom.current().nextInt(3));
    String value = roll + "/" + question + "/" + seq;
    Fixture.saveRetrying(token, question, seq, value).then().statusCode(200);
    if (ThreadLocalRandom.current().nextBoolean()) {
      // the response was lost; the page sends the same save again
      Fixture.saveRetrying(token, question, seq, value).then().statusCode(200);
    }
    acked.computeIfAbsent(roll, r -> new ConcurrentHashMap<>()).put(question, value);
    return null;
  }

  private interface PerCandidate {
    Object run(String roll) throws Exception;
  }

  private static void runAll(ExecutorService pool, List<String> rolls, PerCandidate work)
      throws Exception {
    List<Future<Object>> runs = new ArrayList<>();
    for (String roll : rolls) {
      Callable<Object> call = () -> work.run(roll);
      runs.add(pool.submit(call));
    }
    for (Future<Object> run : runs) {
      run.get();
    }
  }
}
