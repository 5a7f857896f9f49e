package io.examday.gateway.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class PaperCipherTest {

  private static final byte[] PAPER = "{\"questions\":[]}".getBytes(StandardCharsets.UTF_8);
  private final PaperCipher cipher = new PaperCipher();

  @Test
  void sealsWithAFreshKeyAndIvEachTime() throws Exception {
    PaperCipher.Sealed first = cipher.seal("exam-1", PAPER);
    PaperCipher.Sealed second = cipher.seal("exam-1", PAPER);
    assertThat(first.key()).hasSize(32).isNotEqualTo(second.key());
    assertThat(first.file()).isNotEqualTo(second.file());
    assertThat(first.file()).hasSize(PaperCipher.IV_BYTES + PAPER.length + 16);
    assertThat(PaperCipher.open("exam-1", first.file(), first.key())).isEqualTo(PAPER);
  }

  @Test
  void theExamIdIsAuthenticated() {
    PaperCipher.Sealed sealed = cipher.seal("exam-1", PAPER);
    assertThatThrownBy(() -> PaperCipher.open("exam-2", sealed.file(), sealed.key()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aTamperedFileDoesNotOpen() {
    PaperCipher.Sealed sealed = cipher.seal("exam-1", PAPER);
    sealed.file()[sealed.file().length - 1] ^= 1;
    assertThatThrownBy(() -> PaperCipher.open("exam-1", sealed.file(), sealed.key()))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void storeNamesFilesByDigestAndRejectsOtherNames() throws Exception {
    PaperStore store = new PaperStore(Files.createTempDirectory("papers"));
    byte[] file = cipher.seal("exam-1", PAPER).file();
    String digest = store.put(file);
    assertThat(digest).isEqualTo(PaperStore.sha256(file));
    assertThat(store.find(digest)).isPresent();
    assertThat(Files.readAllBytes(store.find(digest).orElseThrow())).isEqualTo(file);
    assertThat(store.find("../" + digest)).isEmpty();
    assertThat(store.find(digest.toUpperCase())).isEmpty();
  }
}
