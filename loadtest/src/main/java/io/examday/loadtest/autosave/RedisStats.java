package io.examday.loadtest.autosave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The work Redis itself did, summed over one or more Redis processes (a cluster's shards): the CPU
 * seconds its process used ({@code used_cpu_sys + used_cpu_user} of {@code INFO cpu}, all its
 * threads) and the commands it processed ({@code total_commands_processed}, which counts the
 * commands a Lua script runs as well as its EVALSHA). Read with a bare RESP {@code INFO} so the
 * benchmark needs no Redis client. The difference of two readings, divided by the saves between
 * them, is what one save costs Redis (docs/capacity.md).
 */
record RedisStats(double cpuSeconds, long commands) {

  private static final int TIMEOUT_MS = 5_000;

  /** Reads every address ({@code host:port}) and sums them. */
  static RedisStats read(List<String> addresses) throws IOException {
    double cpu = 0;
    long commands = 0;
    for (String address : addresses) {
      RedisStats one = parse(info(address));
      cpu += one.cpuSeconds;
      commands += one.commands;
    }
    return new RedisStats(cpu, commands);
  }

  RedisStats minus(RedisStats before) {
    return new RedisStats(cpuSeconds - before.cpuSeconds, commands - before.commands);
  }

  /** The fields of an {@code INFO} reply ("name:value" lines); absent ones count 0. */
  static RedisStats parse(String info) {
    double cpu = 0;
    long commands = 0;
    for (String line : info.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "used_cpu_sys", "used_cpu_user" -> cpu += Double.parseDouble(value);
        case "total_commands_processed" -> commands = Long.parseLong(value);
        default -> {}
      }
    }
    return new RedisStats(cpu, commands);
  }

  private static String info(String address) throws IOException {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected host:port, got " + address);
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write("*1\r\n$4\r\nINFO\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return bulkString(socket.getInputStream(), address);
    }
  }

  /** A RESP bulk string reply ({@code $LEN\r\n...\r\n}); an error reply is an IOException. */
  static String bulkString(InputStream in, String from) throws IOException {
    String header = line(in);
    if (!header.startsWith("$")) {
      throw new IOException("Redis at " + from + " answered INFO with " + header);
    }
    byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
