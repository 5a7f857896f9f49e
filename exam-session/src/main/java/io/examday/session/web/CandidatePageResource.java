package io.examday.session.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The candidate page's settings: where release-gateway is (the page is static, no build step). */
@Path("/api/v1/client-config")
public class CandidatePageResource {

  /**
   * What the page reads at start.
   *
   * @param gatewayUrl base URL of the paper files
   * @param liveUrl base URL of the candidate WebSocket
   */
  public record ClientConfig(String gatewayUrl, String liveUrl) {}

  @Inject CandidatePageConfig config;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ClientConfig config() {
    return new ClientConfig(trimSlash(config.gatewayUrl()), trimSlash(config.liveUrl()));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
