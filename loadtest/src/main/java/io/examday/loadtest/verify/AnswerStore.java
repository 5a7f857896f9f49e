package io.examday.loadtest.verify;

import java.util.Collection;
import java.util.function.Consumer;

/** Where the verifier reads stored answers from (Spanner in practice). */
public interface AnswerStore {

  /** Delivers every stored answer row of the given sessions, in any order. */
  void forEachStored(Collection<String> sessionIds, Consumer<StoredAnswer> consumer);
}
