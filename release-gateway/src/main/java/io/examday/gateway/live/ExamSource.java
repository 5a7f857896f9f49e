package io.examday.gateway.live;

import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import io.examday.gateway.exam.SessionRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the live gateway reads exams and releases from (Spanner in production). Blocking. */
public interface ExamSource {

  /**
   * @throws io.examday.gateway.exam.UnknownExamException if there is no such exam
   */
  ExamInfo load(String examId);

  /** The releases among these exams; a cheap read the gateway polls when Pub/Sub is quiet. */
  List<ReleaseRecord> releases(Collection<String> examIds);

  /**
   * The current paper digest of each of these exams that has a prepared paper, by exam id. Polled
   * with the releases, so a paper prepared again before its release reaches candidates already
   * waiting. A source without papers (a stand-in) answers none: the loaded digest stays.
   */
  default Map<String, String> papers(Collection<String> examIds) {
    return Map.of();
  }

  /**
   * The stored state of these sessions, by session id; a session with no row is absent. One read
   * per batch of connecting sockets. A source that holds no sessions (a stand-in) answers none: its
   * candidates keep the deadline their token gives.
   */
  default Map<String, SessionRecord> sessions(Collection<String> sessionIds) {
    return Map.of();
  }
}
