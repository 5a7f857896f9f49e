package io.examday.loadtest.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalPlanTest {

  @TempDir Path dir;

  private static RehearsalPlan plan(int candidates, int shards) {
    return new RehearsalPlan(
        "run-1",
        "exam-1",
        "digest",
        candidates,
        shards,
        List.of("q1", "q2"),
        30,
        1_000L,
        120,
        10,
        5.0,
        0.3,
        0.1,
        0.1,
        500,
        List.of("http://127.0.0.1:8080", "http://127.0.0.1:8100"),
        List.of("http://127.0.0.1:8081", "http://127.0.0.1:8091"),
        List.of("http://127.0.0.1:8082", "http://127.0.0.1:8092"),
        "/keys/idp.pem",
        "/tmp/run-1",
        List.of());
  }

  @Test
  void shardsCoverEveryCandidateExactlyOnce() {
    RehearsalPlan plan = plan(10_001, 3);
    Set<Integer> seen = new HashSet<>();
    int total = 0;
    for (int shard = 0; shard < plan.shards(); shard++) {
      for (int n = 0; n < plan.candidatesOfShard(shard); n++) {
        assertThat(seen.add(plan.candidateIndex(shard, n))).isTrue();
        total++;
      }
    }
    assertThat(total).isEqualTo(10_001);
    assertThat(seen).allMatch(i -> i >= 0 && i < 10_001);
  }

  @Test
  void candidatesSpreadOverTheGatewaysAndMoveOnInTurn() {
    RehearsalPlan plan = plan(10, 3);
    assertThat(plan.gatewayInstance(0)).isZero();
    assertThat(plan.gatewayInstance(7)).isEqualTo(1);
    assertThat(plan.gatewayUrl(plan.gatewayInstance(7))).isEqualTo("http://127.0.0.1:8091");
    assertThat(plan.gatewayUrl(plan.gatewayInstance(7) + 1)).isEqualTo("http://127.0.0.1:8081");
    assertThat(plan.liveUrl(1)).isEqualTo("ws://127.0.0.1:8092");
    assertThat(plan.liveUrl(2)).isEqualTo("ws://127.0.0.1:8082");
  }

  @Test
  void withOneGatewayPerShardEveryCandidateOfAShardIsOnItsShardsGateway() {
    RehearsalPlan plan = plan(11, 2);
    for (int shard = 0; shard < plan.shards(); shard++) {
      for (int n = 0; n < plan.candidatesOfShard(shard); n++) {
        assertThat(plan.gatewayInstance(plan.candidateIndex(shard, n))).isEqualTo(shard);
      }
    }
  }

  @Test
  void candidatesSpreadOverTheSessionInstancesAndMoveOnInTurn() {
    RehearsalPlan plan = plan(10, 3);
    assertThat(plan.sessionInstance(0)).isZero();
    assertThat(plan.sessionInstance(7)).isEqualTo(1);
    assertThat(plan.sessionUrl(plan.sessionInstance(7))).isEqualTo("http://127.0.0.1:8100");
    assertThat(plan.sessionUrl(plan.sessionInstance(7) + 1)).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void eachShardReachesTheServicesOnALoopbackAddressOfItsOwn() {
    RehearsalPlan shard0 = plan(10, 3).forShard(0);
    RehearsalPlan shard2 = plan(10, 3).forShard(2);
    assertThat(shard0.sessionUrl(1)).isEqualTo("http://127.0.0.2:8100");
    assertThat(shard0.gatewayUrl(0)).isEqualTo("http://127.0.0.2:8081");
    assertThat(shard2.gatewayUrl(1)).isEqualTo("http://127.0.0.4:8091");
    assertThat(shard2.liveUrl(1)).isEqualTo("ws://127.0.0.4:8092");
    assertThat(shard2.candidatesOfShard(2)).isEqualTo(plan(10, 3).candidatesOfShard(2));
    assertThat(shard2.runDir()).isEqualTo("/tmp/run-1");
  }

  @Test
  void loopbackAddressesCarryOnPastTheFirst254Shards() {
    assertThat(LoopbackAddress.forShard("http://localhost:8080/api?x=1", 254))
        .isEqualTo("http://127.0.1.0:8080/api?x=1");
  }

  @Test
  void aServiceOnAnotherHostIsLeftWhereItIs() {
    assertThat(LoopbackAddress.forShard("https://session.exam.example:443", 3))
        .isEqualTo("https://session.exam.example:443");
    assertThat(LoopbackAddress.forShard("http://127.0.0.9:8080", 3))
        .isEqualTo("http://127.0.0.9:8080");
  }

  @Test
  void thePlanRoundTripsThroughItsFile() {
    RehearsalPlan plan = plan(5, 1);
    plan.write(dir);
    assertThat(RehearsalPlan.read(dir.resolve(RehearsalPlan.FILE))).isEqualTo(plan);
  }

  @Test
  void credentialsAreStablePerRunAndDifferBetweenRuns() {
    assertThat(Credentials.accessCode("run-1", 7)).isEqualTo(Credentials.accessCode("run-1", 7));
    assertThat(Credentials.accessCode("run-1", 7)).isNotEqualTo(Credentials.accessCode("run-2", 7));
    assertThat(Credentials.rollNumber("run-1", 7)).isEqualTo("run-1-7");
  }
}
