package io.examday.session.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A private three-shard Redis Cluster (three redis-server processes in cluster mode, no replicas,
 * slots split by redis-cli), so a test runs the hot state as on Memorystore for Redis Cluster.
 */
public final class RedisCluster implements AutoCloseable {

  private static final int SHARDS = 3;

  private final List<Process> processes;
  private final List<Integer> ports;

  private RedisCluster(List<Process> processes, List<Integer> ports) {
    this.processes = processes;
    this.ports = ports;
  }

  public static RedisCluster start() {
    List<Process> processes = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      Path dir = Files.createTempDirectory("redis-cluster");
      for (int i = 0; i < SHARDS; i++) {
        int port = freePortWithBus(ports);
        ports.add(port);
        processes.add(
            new ProcessBuilder(
                    "redis-server",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    dir.resolve("nodes-" + port + ".conf").toString(),
                    "--dir",
                    dir.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "no")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                .start());
      }
      RedisCluster cluster = new RedisCluster(processes, ports);
      for (int port : ports) {
        cluster.await(port, "cluster_enabled:1", "INFO", "cluster");
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.nodes().forEach(n -> create.add(n.toString()));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      Process creating =
          new ProcessBuilder(create)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("create.log").toFile())
              .start();
      if (!creating.waitFor(30, TimeUnit.SECONDS) || creating.exitValue() != 0) {
        cluster.close();
        throw new IllegalStateException(
            "redis-cli --cluster create failed: " + Files.readString(dir.resolve("create.log")));
      }
      for (int port : ports) {
        cluster.await(port, "cluster_state:ok", "CLUSTER", "INFO");
      }
      return cluster;
    } catch (IOException e) {
      processes.forEach(Process::destroy);
      throw new IllegalStateException("cannot start redis-server (./examday installs it)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      processes.forEach(Process::destroy);
      throw new IllegalStateException(e);
    }
  }

  /** A port whose cluster bus port (+10,000) is free too, not among {@code taken}. */
  private static int freePortWithBus(List<Integer> taken) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 50_000);
      if (taken.contains(port) || !free(port) || !free(port + 10_000)) {
        continue;
      }
      return port;
    }
    throw new IOException("no free port pair for a cluster node");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** Waits until {@code command} on the node at {@code port} answers text containing {@code ok}. */
  private void await(int port, String ok, String command, String argument) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = new Connection(new HostAndPort("127.0.0.1", port))) {
        Object reply =
            c.executeCommand(
                new redis.clients.jedis.CommandArguments(
                        Protocol.Command.valueOf(command.toUpperCase()))
                    .add(argument));
        last = reply instanceof byte[] b ? SafeEncoder.encode(b) : String.valueOf(reply);
        if (last.contains(ok)) {
          return;
        }
      } catch (RuntimeException notYet) {
        last = notYet.toString();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("redis node " + port + " not ready: " + last);
  }

  public List<HostAndPort> nodes() {
    return ports.stream().map(p -> new HostAndPort("127.0.0.1", p)).toList();
  }

  /** {@code host:port,host:port,...}: the seed list exam-session takes. */
  public String seeds() {
    return String.join(",", nodes().stream().map(HostAndPort::toString).toList());
  }

  public RedisClusterClient client() {
    return RedisClusterClient.create(new java.util.HashSet<>(nodes()));
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
