package io.examday.gateway.live;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The candidates of one exam whose sockets live on one event loop. Only that event loop touches the
 * members, so a fan-out is a plain loop on the thread that owns the sockets: no locks, no
 * cross-thread write tasks per socket.
 *
 * <p>Members are kept by session: a session event (a submit, a proctor's extra time) reaches its
 * candidate's sockets in one lookup, not a scan of every socket of the exam. That scan, once per
 * event, made the submit wave quadratic (50,000 submits on 50,000 sockets: 2.5 billion
 * comparisons). The sockets of one session (a second device, a reconnect not yet noticed) are
 * chained through {@link CandidateConnection#sameSession}, which costs no allocation per socket.
 */
final class Shard {

  final Context context;
  private final Map<String, CandidateConnection> bySession = new HashMap<>();
  private int size;

  Shard(Context context) {
    this.context = context;
  }

  /** Adds a socket; false if it is already a member. */
  boolean add(CandidateConnection connection) {
    CandidateConnection first = bySession.get(connection.sessionId);
    for (CandidateConnection c = first; c != null; c = c.sameSession) {
      if (c == connection) {
        return false;
      }
    }
    connection.sameSession = first;
    bySession.put(connection.sessionId, connection);
    size++;
    return true;
  }

  /** Removes a socket; false if it was not a member. */
  boolean remove(CandidateConnection connection) {
    CandidateConnection first = bySession.get(connection.sessionId);
    CandidateConnection previous = null;
    for (CandidateConnection c = first; c != null; previous = c, c = c.sameSession) {
      if (c != connection) {
        continue;
      }
      if (previous != null) {
        previous.sameSession = c.sameSession;
      } else if (c.sameSession != null) {
        bySession.put(c.sessionId, c.sameSession);
      } else {
        bySession.remove(c.sessionId);
      }
      c.sameSession = null;
      size--;
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  /** The sockets of one session here (usually one, none if it is connected elsewhere). */
  void forSession(String sessionId, Consumer<CandidateConnection> work) {
    CandidateConnection c = bySession.get(sessionId);
    while (c != null) {
      CandidateConnection next = c.sameSession;
      work.accept(c);
      c = next;
    }
  }

  /**
   * Every socket, without copying. {@code work} must not add or remove members (collect what to
   * close and close it after, or use {@link #snapshot()}).
   */
  void forEach(Consumer<CandidateConnection> work) {
    for (CandidateConnection first : bySession.values()) {
      CandidateConnection c = first;
      while (c != null) {
        CandidateConnection next = c.sameSession;
        work.accept(c);
        c = next;
      }
    }
  }

  /** A copy of the members, for work that may close sockets (which removes them). */
  List<CandidateConnection> snapshot() {
    List<CandidateConnection> copy = new ArrayList<>(size);
    forEach(copy::add);
    return copy;
  }
}
