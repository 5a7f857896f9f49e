package io.examday.gateway.live;

import io.examday.gateway.exam.ExamInfo;
import io.examday.gateway.exam.ReleaseRecord;
import java.util.Collection;
import java.util.List;

/** Where the live gateway reads exams and releases from (Spanner in production). Blocking. */
public interface ExamSource {

  /**
   * @throws io.examday.gateway.exam.UnknownExamException if there is no such exam
   */
  ExamInfo load(String examId);

  /** The releases among these exams; a cheap read the gateway polls when Pub/Sub is quiet. */
  List<ReleaseRecord> releases(Collection<String> examIds);
}
