package io.examday.gateway.live;

/** Fetches a released paper's AES key (Vault in production). Blocking; never logs the key. */
public interface KeySource {

  /** The raw 32-byte key of this exam's paper file. */
  byte[] paperKey(String examId, String paperDigest);
}
