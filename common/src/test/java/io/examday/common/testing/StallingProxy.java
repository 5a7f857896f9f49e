package io.examday.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the service and a real server that a test can stall, as a network
 * partition does: while stalled, nothing goes through either way and new connections are held
 * unanswered; {@link #heal()} drops every held connection (the client reconnects) and forwards
 * again.
 */
public final class StallingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean stalled;

  private StallingProxy(String targetHost, int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  /** Forwards 127.0.0.1:{@link #port()} to {@code hostPort}. */
  public static StallingProxy to(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try {
      return new StallingProxy(
          hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the proxy's port", e);
    }
  }

  /** A proxy to the emulator whose host:port {@code ./examday test} exports in {@code envVar}. */
  public static StallingProxy toEmulator(String envVar) {
    String hostPort = System.getenv(envVar);
    if (hostPort == null || hostPort.isBlank()) {
      throw new IllegalStateException(envVar + " is not set: run the tests through ./examday test");
    }
    return to(hostPort);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** From now on nothing goes through: bytes in flight stay where they are. */
  public void stall() {
    stalled = true;
  }

  /** Every connection of the partition is dropped, and new ones go through again. */
  public void heal() {
    synchronized (gate) {
      for (Socket socket : open) {
        closeQuietly(socket);
      }
      open.clear();
      stalled = false;
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().start(() -> connect(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    open.add(client);
    if (!waitWhileStalled() || client.isClosed()) {
      closeQuietly(client);
      return;
    }
    try {
      Socket server = new Socket(targetHost, targetPort);
      open.add(server);
      Thread.ofVirtual().start(() -> pump(client, server));
      Thread.ofVirtual().start(() -> pump(server, client));
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (!waitWhileStalled() || to.isClosed()) {
          return;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: the other goes too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** false if the connection was dropped while it waited (the partition healed without it). */
  private boolean waitWhileStalled() {
    synchronized (gate) {
      if (!stalled) {
        return true;
      }
      while (stalled) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    heal();
    try {
      listener.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
