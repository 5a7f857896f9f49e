package io.grpc;

/**
 * A replacement for the {@code io.grpc.InternalStatus} inside the Pub/Sub emulator's jar (0.8.20,
 * Cloud SDK 528): that jar's grpc-core calls {@code asRuntimeException(Status, Metadata,
 * boolean)}, which its own grpc-api lacks. Every stream a client cancels then throws
 * NoSuchMethodError inside the emulator, which keeps the dead stream as a consumer of its
 * subscription and sends it messages nobody receives. The Java client (1.160) cancels an idle
 * streaming pull about every 50 s (its keepalive pings get no answer from the emulator), so
 * without this class the emulator loses a growing share of messages as a test runs.
 *
 * <p>Compiled by {@code ./examday} against the emulator's jar and put before it on the class path;
 * only used when that jar lacks the method. Not part of any service.
 */
public final class InternalStatus {

  public static final Metadata.Key<String> MESSAGE_KEY = Status.MESSAGE_KEY;
  public static final Metadata.Key<Status> CODE_KEY = Status.CODE_KEY;

  private InternalStatus() {}

  public static StatusRuntimeException asRuntimeExceptionWithoutStacktrace(
      Status status, Metadata trailers) {
    return new InternalStatusRuntimeException(status, trailers);
  }

  public static StatusRuntimeException asRuntimeException(
      Status status, Metadata trailers, boolean fillInStackTrace) {
    return fillInStackTrace
        ? new StatusRuntimeException(status, trailers)
        : new InternalStatusRuntimeException(status, trailers);
  }
}
