package io.examday.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A minimal Chrome DevTools Protocol client for one page target: commands with their answers,
 * events in a queue per method, and explicit waits on page state (a JavaScript condition polled
 * until true or a time-out; no fixed sleeps).
 */
final class Cdp implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 50;

  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
  private final Map<String, BlockingQueue<JsonNode>> events = new ConcurrentHashMap<>();

  private Cdp(WebSocket socket) {
    this.socket = socket;
  }

  static Cdp connect(String webSocketUrl) {
    Cdp[] holder = new Cdp[1];
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(webSocketUrl), new Listener(holder))
            .join();
    holder[0] = new Cdp(socket);
    return holder[0];
  }

  /** Sends a command and returns its result; a protocol error fails the test. */
  JsonNode call(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    calls.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(message.toString(), true).join();
    JsonNode response = answer.orTimeout(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    if (response.has("error")) {
      throw new IllegalStateException(method + " failed: " + response.get("error"));
    }
    return response.path("result");
  }

  /** Evaluates JavaScript in the page (awaiting a promise) and returns its JSON value. */
  JsonNode eval(String expression) {
    JsonNode result =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(
          "page script failed: " + expression + "\n" + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  String text(String expression) {
    return eval(expression).asText();
  }

  /** Waits until the JavaScript condition is true in the page. */
  void await(String condition, Duration timeout) {
    awaitTrue(
        () -> {
          try {
            return eval("!!(" + condition + ")").asBoolean();
          } catch (IllegalStateException navigating) {
            return false; // the page is being replaced (a reload): ask again
          }
        },
        timeout,
        () -> "page condition not met in " + timeout + ": " + condition + "\npage: " + pageState());
  }

  /** The next event of the method, or a failure after the time-out. */
  JsonNode nextEvent(String method, Duration timeout) {
    try {
      JsonNode event = queue(method).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new AssertionError("no " + method + " event within " + timeout);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a failed wait shows: the page's phase flags and visible text. */
  String pageState() {
    try {
      return text(
          "JSON.stringify(document.body.dataset) + ' | ' + document.body.innerText.slice(0, 1500)");
    } catch (RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  static void awaitTrue(
      BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> failure) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(failure.get());
      }
      try {
        Thread.sleep(POLL_MILLIS); // the poll interval of an explicit wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private BlockingQueue<JsonNode> queue(String method) {
    return events.computeIfAbsent(method, m -> new LinkedBlockingQueue<>());
  }

  private void received(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> call = calls.remove(message.get("id").asInt());
        if (call != null) {
          call.complete(message);
        }
      } else if (message.has("method")) {
        queue(message.get("method").asText()).add(message.path("params"));
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable DevTools message", e);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  private static final class Listener implements WebSocket.Listener {
    private final Cdp[] owner;
    private final StringBuilder partial = new StringBuilder();

    Listener(Cdp[] owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        owner[0].received(message);
      }
      socket.request(1);
      return null;
    }
  }
}
