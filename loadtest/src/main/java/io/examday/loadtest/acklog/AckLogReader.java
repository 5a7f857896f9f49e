package io.examday.loadtest.acklog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads one or more ack log files (or directories of {@code *.acklog} files) as one log. */
public final class AckLogReader {

  /** File name suffix the reader picks up inside a directory. */
  public static final String SUFFIX = ".acklog";

  private AckLogReader() {}

  /**
   * What was read.
   *
   * @param files the files read, in order
   * @param records records delivered
   * @param incompleteFiles files without the trailer (or whose trailer count differs): their writer
   *     did not finish, so records may be missing
   */
  public record Summary(List<Path> files, long records, List<Path> incompleteFiles) {
    public boolean complete() {
      return incompleteFiles.isEmpty();
    }
  }

  /** Streams every record of every file to the consumer. */
  public static Summary read(List<Path> paths, Consumer<AckRecord> consumer) {
    List<Path> files = expand(paths);
    List<Path> incomplete = new ArrayList<>();
    long total = 0;
    for (Path file : files) {
      FileResult result = readFile(file, consumer);
      total += result.records();
      if (!result.complete()) {
        incomplete.add(file);
      }
    }
    return new Summary(files, total, incomplete);
  }

  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> listing = Files.list(path)) {
          listing
              .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path, e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no ack log at " + path);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no *" + SUFFIX + " files in " + paths);
    }
    return files;
  }

  private record FileResult(long records, boolean complete) {}

  private static FileResult readFile(Path file, Consumer<AckRecord> consumer) {
    long records = 0;
    Long trailerCount = null;
    int lineNumber = 1;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        // created, but its writer died before the first buffer reached the disk
        return new FileResult(0, false);
      }
      if (!AckLogWriter.HEADER.equals(header)) {
        throw new IllegalArgumentException(file + " is not an examday ack log (bad header)");
      }
      String line = in.readLine();
      while (line != null) {
        lineNumber++;
        String next = in.readLine();
        if (line.startsWith(AckLogWriter.TRAILER_PREFIX)) {
          trailerCount = Long.parseLong(line.substring(AckLogWriter.TRAILER_PREFIX.length()));
        } else if (!line.isEmpty()) {
          AckRecord record = parse(file, lineNumber, line, next == null);
          if (record == null) {
            // a writer killed mid-line leaves a torn last record: the file is incomplete
            return new FileResult(records, false);
          }
          consumer.accept(record);
          records++;
        }
        line = next;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new FileResult(records, trailerCount != null && trailerCount == records);
  }

  private static AckRecord parse(Path file, int lineNumber, String line, boolean lastLine) {
    try {
      return AckRecord.parse(line);
    } catch (IllegalArgumentException e) {
      if (lastLine) {
        return null;
      }
      throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
    }
  }
}
