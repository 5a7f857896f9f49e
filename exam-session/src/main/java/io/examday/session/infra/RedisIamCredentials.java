package io.examday.session.infra;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.List;
import redis.clients.jedis.DefaultRedisCredentials;
import redis.clients.jedis.RedisCredentials;
import redis.clients.jedis.RedisCredentialsProvider;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Memorystore for Redis Cluster's IAM authentication: each new connection sends {@code AUTH} with a
 * current OAuth access token of the pod's service account (Workload Identity), which needs {@code
 * roles/redis.dbConnectionUser}. A connection stays authenticated after its token expires, so only
 * new connections (a pool growing, a failover) fetch a token, and the library caches it until it is
 * about to expire.
 */
final class RedisIamCredentials implements RedisCredentialsProvider {

  private static final List<String> SCOPES =
      List.of("https://www.googleapis.com/auth/cloud-platform");

  private final GoogleCredentials credentials;

  RedisIamCredentials(GoogleCredentials credentials) {
    this.credentials =
        credentials.createScopedRequired() ? credentials.createScoped(SCOPES) : credentials;
  }

  /** The pod's own credentials (Application Default Credentials). */
  static RedisIamCredentials applicationDefault() {
    try {
      return new RedisIamCredentials(GoogleCredentials.getApplicationDefault());
    } catch (IOException e) {
      throw new IllegalStateException(
          "examday.redis.cluster-auth=IAM needs Google credentials (Workload Identity on GKE, or"
              + " GOOGLE_APPLICATION_CREDENTIALS): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public RedisCredentials get() {
    AccessToken token;
    try {
      credentials.refreshIfExpired();
      token = credentials.getAccessToken();
    } catch (IOException e) {
      throw new JedisConnectionException("no access token for Redis IAM authentication", e);
    }
    if (token == null) {
      throw new JedisConnectionException("no access token for Redis IAM authentication");
    }
    return new DefaultRedisCredentials((String) null, token.getTokenValue());
  }
}
