package io.examday.gateway.vault;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Vault and log in.
 *
 * @param address e.g. {@code https://vault.examday.internal:8200}
 * @param namespace Vault Enterprise namespace, if any
 * @param mount the KV v2 mount
 * @param pathPrefix the folder under the mount that holds paper keys
 * @param auth how to log in
 * @param token the token, for {@link Auth#TOKEN} (tests and the local dev-vault)
 * @param kubernetesRole the Vault role, for {@link Auth#KUBERNETES}
 * @param kubernetesJwtFile the pod's service account token, for {@link Auth#KUBERNETES}
 * @param kubernetesMount the auth mount, for {@link Auth#KUBERNETES}
 * @param approleRoleId the role id, for {@link Auth#APPROLE}
 * @param approleSecretIdFile a file with the secret id, for {@link Auth#APPROLE}
 * @param approleMount the auth mount, for {@link Auth#APPROLE}
 * @param timeout connect and read timeout
 */
public record VaultSettings(
    String address,
    Optional<String> namespace,
    String mount,
    String pathPrefix,
    Auth auth,
    Optional<String> token,
    Optional<String> kubernetesRole,
    String kubernetesJwtFile,
    String kubernetesMount,
    Optional<String> approleRoleId,
    Optional<String> approleSecretIdFile,
    String approleMount,
    Duration timeout) {

  /** Vault login methods. Production uses KUBERNETES (GKE) or APPROLE; never a static token. */
  public enum Auth {
    TOKEN,
    KUBERNETES,
    APPROLE
  }

  /** Settings for a static token (tests, the local dev-vault). */
  public static VaultSettings withToken(String address, String token) {
    return new VaultSettings(
        address,
        Optional.empty(),
        "secret",
        "examday/papers",
        Auth.TOKEN,
        Optional.of(token),
        Optional.empty(),
        "",
        "kubernetes",
        Optional.empty(),
        Optional.empty(),
        "approle",
        Duration.ofSeconds(5));
  }
}
