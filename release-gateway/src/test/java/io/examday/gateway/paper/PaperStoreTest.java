package io.examday.gateway.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperStoreTest {

  @TempDir Path dir;

  @Test
  void aStoredFileIsFoundByItsDigest() {
    PaperStore store = new PaperStore(dir.resolve("papers"));
    String absent = PaperStore.sha256("ciphertext".getBytes(StandardCharsets.UTF_8));
    assertThat(store.find(absent)).isEmpty(); // no directory yet

    String digest = store.put("ciphertext".getBytes(StandardCharsets.UTF_8));

    assertThat(digest).isEqualTo(PaperStore.sha256("ciphertext".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.find(digest))
        .hasValueSatisfying(file -> assertThat(file).hasContent("ciphertext"));
    assertThat(store.put("ciphertext".getBytes(StandardCharsets.UTF_8))).isEqualTo(digest);
  }

  @Test
  void onlyWellFormedDigestsOfRegularFilesAreFound() throws Exception {
    Path papers = Files.createDirectories(dir.resolve("papers"));
    Files.writeString(papers.resolve(".upload-123.tmp"), "half a file");
    Files.createDirectory(papers.resolve("a".repeat(64)));
    PaperStore store = new PaperStore(papers);

    assertThat(store.find(".upload-123.tmp")).isEmpty();
    assertThat(store.find("a".repeat(64))).isEmpty();
    assertThat(store.find("../etc/passwd")).isEmpty();
  }
}
