package io.examday.gateway.vault;

import io.examday.common.error.ExamdayException;
import io.examday.gateway.error.GatewayError;
import io.examday.gateway.live.KeySource;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Paper keys in Vault KV v2, one secret per paper file: {@code <mount>/<prefix>/<examId>/<digest>}
 * with {@code {"key": base64}}. Keyed by digest so a release always unlocks exactly the file it
 * recorded. Never logs a key.
 */
public final class VaultPaperKeys implements KeySource {

  private static final int OK = 200;
  private static final int NO_CONTENT = 204;
  private static final int NOT_FOUND = 404;
  private static final int FORBIDDEN = 403;
  private static final String WARM_UP_EXAM = "_warm-up";
  private static final Logger LOG = Logger.getLogger(VaultPaperKeys.class);

  private final VaultSettings settings;
  private volatile Vault vault;

  public VaultPaperKeys(VaultSettings settings) {
    this.settings = settings;
  }

  public String path(String examId, String digest) {
    return settings.mount() + "/" + settings.pathPrefix() + "/" + examId + "/" + digest;
  }

  @Override
  public byte[] paperKey(String examId, String paperDigest) {
    LogicalResponse response = call(v -> v.logical().read(path(examId, paperDigest)));
    int status = response.getRestResponse().getStatus();
    if (status == NOT_FOUND || (status == OK && !response.getData().containsKey("key"))) {
      throw new ExamdayException(
          GatewayError.PAPER_KEY_MISSING,
          "The key of exam "
              + examId
              + "'s paper is not in Vault; prepare the paper again before releasing.");
    }
    if (status != OK) {
      throw unavailable("Vault answered " + status + " to a key read");
    }
    return Base64.getDecoder().decode(response.getData().get("key"));
  }

  /**
   * Logs in and reads a path that holds no key (404 expected), so the Vault client, its TLS set-up
   * and the read path are initialised before a release needs them.
   */
  @Override
  public void warmUp() {
    long started = System.nanoTime();
    try {
      int status =
          call(v -> v.logical().read(path(WARM_UP_EXAM, "none"))).getRestResponse().getStatus();
      LOG.infof(
          "Vault client warmed up in %d ms (read answered %d)",
          (System.nanoTime() - started) / 1_000_000, status);
    } catch (RuntimeException e) {
      LOG.warnf("Vault warm-up failed (%s); the first key read will pay for it", e.getMessage());
    }
  }

  /** Stores a new paper's key; returns the Vault path. */
  public String storeKey(String examId, String paperDigest, byte[] key) {
    String path = path(examId, paperDigest);
    LogicalResponse response =
        call(v -> v.logical().write(path, Map.of("key", Base64.getEncoder().encodeToString(key))));
    int status = response.getRestResponse().getStatus();
    if (status != OK && status != NO_CONTENT) {
      throw unavailable("Vault answered " + status + " to a key write");
    }
    return path;
  }

  private interface VaultCall {
    LogicalResponse apply(Vault vault) throws VaultException;
  }

  /** Runs a call, logging in again once if the token was revoked or expired (403). */
  private LogicalResponse call(VaultCall call) {
    try {
      LogicalResponse response = call.apply(client());
      if (response.getRestResponse().getStatus() == FORBIDDEN
          && settings.auth() != VaultSettings.Auth.TOKEN) {
        vault = null;
        response = call.apply(client());
      }
      return response;
    } catch (VaultException e) {
      throw unavailable("Vault is unreachable: " + e.getClass().getSimpleName());
    }
  }

  private Vault client() throws VaultException {
    Vault current = vault;
    if (current == null) {
      current = login();
      vault = current;
    }
    return current;
  }

  private Vault login() throws VaultException {
    String token =
        switch (settings.auth()) {
          case TOKEN -> settings.token().orElseThrow(() -> new VaultException("no Vault token"));
          case KUBERNETES ->
              bare()
                  .auth()
                  .loginByJwt(
                      settings.kubernetesMount(),
                      settings
                          .kubernetesRole()
                          .orElseThrow(() -> new VaultException("no Kubernetes role")),
                      read(settings.kubernetesJwtFile()))
                  .getAuthClientToken();
          case APPROLE ->
              bare()
                  .auth()
                  .loginByAppRole(
                      settings.approleMount(),
                      settings
                          .approleRoleId()
                          .orElseThrow(() -> new VaultException("no AppRole role id")),
                      read(
                          settings
                              .approleSecretIdFile()
                              .orElseThrow(() -> new VaultException("no AppRole secret id"))))
                  .getAuthClientToken();
        };
    return Vault.create(config(token));
  }

  private Vault bare() throws VaultException {
    return Vault.create(config(null));
  }

  private VaultConfig config(String token) throws VaultException {
    int seconds = Math.toIntExact(Math.max(1, settings.timeout().toSeconds()));
    VaultConfig config =
        new VaultConfig()
            .address(settings.address())
            .engineVersion(2)
            .openTimeout(seconds)
            .readTimeout(seconds);
    if (token != null) {
      config.token(token);
    }
    if (settings.namespace().isPresent()) {
      config.nameSpace(settings.namespace().get());
    }
    return config.build();
  }

  private static String read(String file) throws VaultException {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new VaultException("cannot read " + file);
    }
  }

  private static ExamdayException unavailable(String message) {
    return new ExamdayException(GatewayError.DEPENDENCY_UNAVAILABLE, message + "; try again.");
  }
}
