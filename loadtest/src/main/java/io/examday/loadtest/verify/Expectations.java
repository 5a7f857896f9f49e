package io.examday.loadtest.verify;

import io.examday.loadtest.acklog.AckRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The log folded per (session, question): what was sent and what was acknowledged. */
public final class Expectations implements Consumer<AckRecord> {

  private final Map<AnswerKey, QuestionLog> questions = new HashMap<>();
  private final Set<String> sessions = new HashSet<>();
  private boolean anySent;

  @Override
  public void accept(AckRecord record) {
    sessions.add(record.sessionId());
    QuestionLog log =
        questions.computeIfAbsent(
            new AnswerKey(record.sessionId(), record.questionId()), k -> new QuestionLog());
    switch (record.kind()) {
      case SENT -> {
        log.sent.put(record.seq(), record.valueSha256());
        anySent = true;
      }
      case ACKED -> log.acked.put(record.seq(), record.valueSha256());
    }
  }

  /** The sessions in scope. */
  public Set<String> sessions() {
    return sessions;
  }

  boolean anySent() {
    return anySent;
  }

  QuestionLog question(String sessionId, String questionId) {
    return questions.get(new AnswerKey(sessionId, questionId));
  }

  Map<AnswerKey, QuestionLog> questions() {
    return questions;
  }
}
