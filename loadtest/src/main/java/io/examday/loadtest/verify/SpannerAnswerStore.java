package io.examday.loadtest.verify;

import com.google.cloud.spanner.DatabaseClient;
import com.google.cloud.spanner.Key;
import com.google.cloud.spanner.KeyRange;
import com.google.cloud.spanner.KeySet;
import com.google.cloud.spanner.ResultSet;
import io.examday.loadtest.acklog.ValueHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code AnswerEvents} with strong reads, one key-prefix range per session, a chunk of
 * sessions per read so a 50,000-candidate run is a few hundred reads, not 50,000.
 */
public final class SpannerAnswerStore implements AnswerStore {

  /** Sessions per read: large enough to amortise the round trip, small enough for one batch. */
  static final int SESSIONS_PER_READ = 500;

  private static final List<String> COLUMNS =
      List.of("SessionId", "QuestionId", "ClientSeq", "ValueSha256");

  private final DatabaseClient client;

  public SpannerAnswerStore(DatabaseClient client) {
    this.client = client;
  }

  @Override
  public void forEachStored(Collection<String> sessionIds, Consumer<StoredAnswer> consumer) {
    List<String> all = new ArrayList<>(sessionIds);
    for (int from = 0; from < all.size(); from += SESSIONS_PER_READ) {
      readChunk(all.subList(from, Math.min(all.size(), from + SESSIONS_PER_READ)), consumer);
    }
  }

  private void readChunk(List<String> sessionIds, Consumer<StoredAnswer> consumer) {
    KeySet.Builder keys = KeySet.newBuilder();
    sessionIds.forEach(id -> keys.addRange(KeyRange.prefix(Key.of(id))));
    try (ResultSet rows = client.singleUse().read("AnswerEvents", keys.build(), COLUMNS)) {
      while (rows.next()) {
        consumer.accept(
            new StoredAnswer(
                rows.getString(0),
                rows.getString(1),
                rows.getLong(2),
                ValueHash.hex(rows.getBytes(3).toByteArray())));
      }
    }
  }
}
