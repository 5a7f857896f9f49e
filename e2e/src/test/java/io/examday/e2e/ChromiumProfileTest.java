package io.examday.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumProfileTest {

  @TempDir Path dir;

  @Test
  void removesTheWholeProfileTree() throws Exception {
    Path profile = dir.resolve("profile");
    Files.createDirectories(profile.resolve("Default/Cache"));
    Files.writeString(profile.resolve("Default/Cache/entry"), "x");
    Files.writeString(profile.resolve("Default/Preferences"), "{}");
    Chromium.deleteProfile(profile);
    assertThat(profile).doesNotExist();
  }

  @Test
  void aProfileAlreadyGoneIsNotAnError() throws Exception {
    Chromium.deleteProfile(dir.resolve("never-made"));
    assertThat(dir.resolve("never-made")).doesNotExist();
  }
}
