package io.examday.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The per-candidate order of docs/api.md, written again from its description: the oracle the page's
 * {@code candidateOrder} (live.js) is checked against, and what an exam board holding the paper
 * would run to see the order a candidate saw.
 */
final class CandidateOrder {

  private CandidateOrder() {}

  /** Items sorted by the hex SHA-256 of {@code seed + "\n" + key}; equal keys keep their order. */
  static <T> List<T> of(String seed, List<T> items, Function<T, String> keyOf) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(item -> sha256(seed + "\n" + keyOf.apply(item))));
    return sorted;
  }

  static List<String> of(String seed, List<String> items) {
    return of(seed, items, Function.identity());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
