package io.examday.gateway.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed ciphertext files: the name is the sha256 hex of the bytes, so a file never
 * changes once written and can be cached anywhere for a year (CDN in production, in front of a
 * bucket or this directory).
 */
public final class PaperStore {

  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

  private final Path directory;

  public PaperStore(Path directory) {
    this.directory = directory;
  }

  /** Stores the bytes (atomically: a reader never sees half a file) and returns the digest. */
  public String put(byte[] file) {
    String digest = sha256(file);
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(digest);
      if (!Files.exists(target)) {
        Path temp = Files.createTempFile(directory, ".upload-", ".tmp");
        Files.write(temp, file);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return digest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store paper file", e);
    }
  }

  /** The file's path, if the digest is well-formed and stored. */
  public Optional<Path> find(String digest) {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      return Optional.empty();
    }
    Path file = directory.resolve(digest);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256", e);
    }
  }
}
