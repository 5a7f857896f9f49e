package io.examday.devvault;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the stand-in with the real Vault Java Driver the services use. */
class DevVaultTest {

  private final DevVault server = DevVault.start(0, "root-token");

  @AfterEach
  void stop() {
    server.close();
  }

  private Vault client(String token) throws VaultException {
    return Vault.create(
        new VaultConfig().address(server.address()).token(token).engineVersion(2).build());
  }

  @Test
  void writesAndReadsTheNewestVersion() throws Exception {
    Vault vault = client("root-token");
    vault.logical().write("secret/examday/papers/e1", Map.of("key", "AAAA"));
    vault.logical().write("secret/examday/papers/e1", Map.of("key", "BBBB"));
    var read = vault.logical().read("secret/examday/papers/e1");
    assertThat(read.getRestResponse().getStatus()).isEqualTo(200);
    assertThat(read.getData()).containsEntry("key", "BBBB");
  }

  @Test
  void missingSecretIs404() throws Exception {
    // The driver reports a failed read through the status, not an exception.
    var read = client("root-token").logical().read("secret/examday/papers/none");
    assertThat(read.getRestResponse().getStatus()).isEqualTo(404);
    assertThat(read.getData()).isEmpty();
  }

  @Test
  void wrongTokenIs403() throws Exception {
    client("root-token").logical().write("secret/examday/papers/e2", Map.of("key", "AAAA"));
    var read = client("wrong").logical().read("secret/examday/papers/e2");
    assertThat(read.getRestResponse().getStatus()).isEqualTo(403);
    assertThat(read.getData()).doesNotContainKey("key");
    var write = client("wrong").logical().write("secret/examday/papers/e2", Map.of("key", "B"));
    assertThat(write.getRestResponse().getStatus()).isEqualTo(403);
    assertThat(client("root-token").logical().read("secret/examday/papers/e2").getData())
        .containsEntry("key", "AAAA");
  }

  @Test
  void rejectsWriteWithoutData() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.address() + "/v1/secret/data/x"))
                    .header("X-Vault-Token", "root-token")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"nodata\":1}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("errors");
  }
}
