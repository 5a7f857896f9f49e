package io.examday.gateway.live;

import io.vertx.core.Context;
import java.util.HashSet;
import java.util.Set;

/**
 * The candidates of one exam whose sockets live on one event loop. Only that event loop touches
 * {@link #members}, so a fan-out is a plain loop on the thread that owns the sockets: no locks, no
 * cross-thread write tasks per socket.
 */
final class Shard {

  final Context context;
  final Set<CandidateConnection> members = new HashSet<>();

  Shard(Context context) {
    this.context = context;
  }
}
