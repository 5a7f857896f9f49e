package io.examday.gateway.testing;

import com.google.cloud.Timestamp;
import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Mutation;
import com.google.cloud.spanner.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates exams in a test database, each with a unique id. */
public final class TestExams {

  private TestExams() {}

  public static String create(DatabaseClient client, Instant scheduledStart, Duration duration) {
    String examId = "exam-" + UUID.randomUUID().toString().substring(0, 8);
    client.write(
        List.of(
            Mutation.newInsertBuilder("Exams")
                .set("ExamId")
                .to(examId)
                .set("Title")
                .to("Test exam")
                .set("ScheduledStart")
                .to(Timestamp.ofTimeMicroseconds(scheduledStart.toEpochMilli() * 1000))
                .set("DurationSeconds")
                .to(duration.toSeconds())
                .set("GraceSeconds")
                .to(60L)
                .set("CreatedAt")
                .to(Value.COMMIT_TIMESTAMP)
                .build()));
    return examId;
  }
}
