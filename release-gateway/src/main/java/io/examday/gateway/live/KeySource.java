package io.examday.gateway.live;

/** Fetches a released paper's AES key (Vault in production). Blocking; never logs the key. */
public interface KeySource {

  /** The raw 32-byte key of this exam's paper file. */
  byte[] paperKey(String examId, String paperDigest);

  /**
   * Makes the next {@link #paperKey} fast: logs in and runs one read end to end, so the client, its
   * TLS set-up and the code path are ready before T-0 (on a cold gateway the first key read took
   * 3-5 s under load). Blocking; never throws.
   */
  default void warmUp() {}
}
