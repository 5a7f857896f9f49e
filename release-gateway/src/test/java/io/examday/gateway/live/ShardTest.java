package io.examday.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {

  private final Shard shard = new Shard(null);

  private static CandidateConnection socket(String sessionId) {
    return new CandidateConnection(null, sessionId, 0, 0, 0);
  }

  private List<CandidateConnection> ofSession(String sessionId) {
    List<CandidateConnection> found = new ArrayList<>();
    shard.forSession(sessionId, found::add);
    return found;
  }

  @Test
  void aSessionEventFindsEverySocketOfItsSessionAndNoOther() {
    CandidateConnection phone = socket("s-1");
    CandidateConnection laptop = socket("s-1");
    CandidateConnection other = socket("s-2");
    assertThat(shard.add(phone)).isTrue();
    assertThat(shard.add(other)).isTrue();
    assertThat(shard.add(laptop)).isTrue();

    assertThat(ofSession("s-1")).containsExactlyInAnyOrder(phone, laptop);
    assertThat(ofSession("s-2")).containsExactly(other);
    assertThat(ofSession("s-3")).isEmpty();
    assertThat(shard.size()).isEqualTo(3);
    assertThat(shard.snapshot()).containsExactlyInAnyOrder(phone, laptop, other);
  }

  @Test
  void addingASocketTwiceCountsItOnce() {
    CandidateConnection c = socket("s-1");
    assertThat(shard.add(c)).isTrue();
    assertThat(shard.add(c)).isFalse();
    assertThat(shard.size()).isEqualTo(1);
    assertThat(ofSession("s-1")).containsExactly(c);
  }

  @Test
  void removingAnySocketOfASessionKeepsTheOthers() {
    CandidateConnection first = socket("s-1");
    CandidateConnection second = socket("s-1");
    CandidateConnection third = socket("s-1");
    shard.add(first);
    shard.add(second);
    shard.add(third);

    assertThat(shard.remove(second)).isTrue();
    assertThat(ofSession("s-1")).containsExactlyInAnyOrder(first, third);
    assertThat(shard.remove(second)).isFalse();

    assertThat(shard.remove(third)).isTrue();
    assertThat(ofSession("s-1")).containsExactly(first);
    assertThat(shard.remove(first)).isTrue();
    assertThat(ofSession("s-1")).isEmpty();
    assertThat(shard.size()).isZero();
    assertThat(shard.snapshot()).isEmpty();
    assertThat(shard.remove(socket("s-1"))).isFalse();
  }

  @Test
  void aSocketRemovedWhileItsSessionIsVisitedDoesNotHideTheRest() {
    CandidateConnection first = socket("s-1");
    CandidateConnection second = socket("s-1");
    shard.add(first);
    shard.add(second);

    List<CandidateConnection> visited = new ArrayList<>();
    shard.forSession(
        "s-1",
        c -> {
          visited.add(c);
          shard.remove(c);
        });

    assertThat(visited).containsExactlyInAnyOrder(first, second);
    assertThat(shard.size()).isZero();
  }
}
