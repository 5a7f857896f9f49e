package io.examday.gateway.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.examday.common.error.ExamdayException;
import io.examday.devvault.DevVault;
import io.examday.gateway.error.GatewayError;
import org.junit.jupiter.api.Test;

/** Against the in-process Vault stand-in (KV v2 over HTTP, token auth). */
class VaultPaperKeysTest {

  @Test
  void warmingUpLeavesKeysReadable() {
    try (DevVault vault = DevVault.start(0, "t0ken")) {
      VaultPaperKeys keys = new VaultPaperKeys(VaultSettings.withToken(vault.address(), "t0ken"));
      byte[] key = new byte[32];
      key[0] = 7;
      keys.storeKey("exam-1", "digest-1", key);

      keys.warmUp(); // reads a path with no key: a 404 that must not escape

      assertThat(keys.paperKey("exam-1", "digest-1")).isEqualTo(key);
      assertThatThrownBy(() -> keys.paperKey("_warm-up", "none"))
          .isInstanceOf(ExamdayException.class)
          .extracting(e -> ((ExamdayException) e).error())
          .isEqualTo(GatewayError.PAPER_KEY_MISSING);
    }
  }

  @Test
  void aWarmUpWithVaultDownReturnsAndTheReadSaysUnavailable() {
    VaultPaperKeys keys = new VaultPaperKeys(VaultSettings.withToken("http://127.0.0.1:1", "t"));

    keys.warmUp();

    assertThatThrownBy(() -> keys.paperKey("exam-1", "digest-1"))
        .isInstanceOf(ExamdayException.class)
        .extracting(e -> ((ExamdayException) e).error())
        .isEqualTo(GatewayError.DEPENDENCY_UNAVAILABLE);
  }
}
