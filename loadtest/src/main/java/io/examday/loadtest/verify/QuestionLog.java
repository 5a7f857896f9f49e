package io.examday.loadtest.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What the log says about one question of one session, plus what Spanner showed for it. */
final class QuestionLog {

  final Map<Long, String> sent = new HashMap<>(4);
  final Map<Long, String> acked = new HashMap<>(4);
  final Set<Long> ackedFoundInStore = new HashSet<>(4);
  long maxStoredSeq = Long.MIN_VALUE;

  long maxAckedSeq() {
    return acked.keySet().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
  }
}
