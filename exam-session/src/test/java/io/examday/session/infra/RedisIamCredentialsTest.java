package io.examday.session.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisCredentials;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisIamCredentialsTest {

  /** Hands out token-1, token-2, ... each valid for {@code lifetime}. */
  private static final class Tokens extends GoogleCredentials {
    final AtomicInteger issued = new AtomicInteger();
    final Duration lifetime;
    volatile boolean broken;

    Tokens(Duration lifetime) {
      this.lifetime = lifetime;
    }

    @Override
    public AccessToken refreshAccessToken() throws IOException {
      if (broken) {
        throw new IOException("metadata server unreachable");
      }
      return new AccessToken(
          "token-" + issued.incrementAndGet(), Date.from(Instant.now().plus(lifetime)));
    }
  }

  @Test
  void aNewConnectionAuthenticatesWithTheCurrentTokenAsItsPassword() {
    Tokens tokens = new Tokens(Duration.ofHours(1));
    RedisIamCredentials credentials = new RedisIamCredentials(tokens);

    RedisCredentials first = credentials.get();
    RedisCredentials second = credentials.get();

    assertThat(first.getUser()).as("AUTH <token>: the default user").isNull();
    assertThat(new String(first.getPassword())).isEqualTo("token-1");
    assertThat(new String(second.getPassword())).as("cached while valid").isEqualTo("token-1");
    assertThat(tokens.issued).hasValue(1);
  }

  @Test
  void aTokenAboutToExpireIsReplacedBeforeItIsSent() {
    Tokens tokens = new Tokens(Duration.ofSeconds(30)); // inside the library's refresh margin
    RedisIamCredentials credentials = new RedisIamCredentials(tokens);

    assertThat(new String(credentials.get().getPassword())).isEqualTo("token-1");
    assertThat(new String(credentials.get().getPassword())).isEqualTo("token-2");
  }

  @Test
  void noTokenIsAConnectionFailureNotAnUnauthenticatedConnection() {
    Tokens tokens = new Tokens(Duration.ofHours(1));
    tokens.broken = true;
    RedisIamCredentials credentials = new RedisIamCredentials(tokens);

    assertThatThrownBy(credentials::get)
        .isInstanceOf(JedisConnectionException.class)
        .hasMessageContaining("access token");
  }
}
