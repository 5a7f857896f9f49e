package io.examday.loadtest.rehearsal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Gives each load-generator shard its own loopback destination address (127.0.0.2 for shard 0,
 * 127.0.0.3 for shard 1, ...) in place of 127.0.0.1 or localhost. The kernel allows about 28,000
 * connections (one per ephemeral port) from one source address to each destination address and
 * port, so every shard gets that allowance to each service without binding a source address of its
 * own: a bind to an address with port 0 makes the kernel search its bind table for a free port on
 * every connect, a search that grows with the sockets already open (10 % of the machine's CPU in a
 * 10,000-candidate herd). Services listen on every address (0.0.0.0), so each one is reachable on
 * all of 127.0.0.0/8. Other hosts are left as they are.
 *
 * <p>Every shard's sockets still leave from 127.0.0.1, so a port may serve several destinations at
 * once. The kernel's choice of a port on connect did not show in a profile of a 50,000-candidate
 * herd (0.01 % of the machine; docs/benchmarks.md, fourteenth session).
 */
final class LoopbackAddress {

  private LoopbackAddress() {}

  /** The URL with a loopback host replaced by the shard's own loopback address. */
  static String forShard(String url, int shard) {
    if (shard < 0 || shard > 65_000) {
      throw new IllegalArgumentException("shard out of range: " + shard);
    }
    URI uri = URI.create(url);
    String host = uri.getHost();
    if (!"127.0.0.1".equals(host) && !"localhost".equalsIgnoreCase(host)) {
      return url;
    }
    int n = 2 + shard;
    try {
      return new URI(
              uri.getScheme(),
              uri.getUserInfo(),
              "127.0." + (n / 256) + "." + (n % 256),
              uri.getPort(),
              uri.getPath(),
              uri.getQuery(),
              uri.getFragment())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }
}
