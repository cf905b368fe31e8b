package dev.channels4j.benchmarks.attack;

import dev.channels4j.ChannelsClient;
import dev.channels4j.Event;
import dev.channels4j.internal.signing.RequestSigner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attacks of issue 11, bounded in time and size, against a packaged server in a child process
 * (by default {@code java -Xmx256m -jar channels4j-cli/target/channels4j-cli.jar serve}): after each
 * one it checks that a signed publish and a WebSocket ping still get answered, and prints the
 * server's heap after a full GC ({@code jcmd}).
 *
 * <pre>
 * java -cp benchmarks.jar dev.channels4j.benchmarks.Main attack [--jar channels4j-cli/target/channels4j-cli.jar] [--xmx 256m]
 *     [--only swarm]   (just {@link SwarmAttack}: a swarm of stalled subscribers, another channel's publish latency)
 * </pre>
 */
public final class Attacks {
  private static final Pattern URL = Pattern.compile("PUSHER_URL=http://[^@]+@127\\.0\\.0\\.1:(\\d+)/");
  private static final String KEY = "app-key";
  private static final String SECRET = "app-secret";

  private final int port;
  private final long pid;
  private final ChannelsClient client;

  private Attacks(int port, long pid) {
    this.port = port;
    this.pid = pid;
    this.client = ChannelsClient.builder().appId("app-id").key(KEY).secret(SECRET).host("127.0.0.1").port(port)
        .useTls(false).build();
  }

  public static void main(String[] args) throws Exception {
    String jar = option(args, "jar", "channels4j-cli/target/channels4j-cli.jar");
    String xmx = option(args, "xmx", "256m");
    try (ServerSocket silentWebhook = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silentWebhook.accept());
          }
        } catch (IOException closed) {
          // done
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      List<String> command = List.of(java(), "-Xmx" + xmx, "-jar", jar, "serve", "--port", "0",
          "--webhook-url", "http://127.0.0.1:" + silentWebhook.getLocalPort() + "/never-answers");
      System.out.println("server: " + String.join(" ", command));
      Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      int port = -1;
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = URL.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
          break;
        }
      }
      if (port < 0) {
        throw new IllegalStateException("the server did not start");
      }
      Thread logs = new Thread(() -> {
        try {
          String l;
          while ((l = out.readLine()) != null) {
            if (l.contains("WARN") || l.contains("ERROR") || l.contains("connections:") || l.contains("OutOfMemory")) {
              System.out.println("  [server] " + l);
            }
          }
        } catch (IOException ignored) {
          // gone
        }
      });
      logs.setDaemon(true);
      logs.start();
      Attacks attacks = new Attacks(port, server.pid());
      try {
        attacks.report("idle");
        if (option(args, "only", "").equals("swarm")) {
          new SwarmAttack(port, KEY, attacks.client).run();
          attacks.report("swarm");
          return;
        }
        attacks.slowBodies();
        attacks.invalidFramesNeverRead();
        attacks.subscribersThatStopReading();
        attacks.cacheChannels();
        attacks.webhookFlood();
        Thread.sleep(2000);
        attacks.report("after every attacker left");
      } finally {
        attacks.client.close();
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  /** 200 correctly signed requests that promise a body and never send it, held while others publish. */
  private void slowBodies() throws Exception {
    List<Socket> sockets = new ArrayList<>();
    byte[] promised = new byte[100];
    String path = "/apps/app-id/events";
    long t0 = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      Socket s = new Socket("127.0.0.1", port);
      sockets.add(s);
      OutputStream o = s.getOutputStream();
      String query = new RequestSigner(KEY, SECRET).signedQuery("POST", path, Map.of(), promised,
          System.currentTimeMillis() / 1000);
      o.write(("POST " + path + "?" + query + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.flush();
    }
    int ok = 0;
    for (int i = 0; i < 30; i++) {
      client.trigger("slow-body-victim", "e", "x");
      ok++;
    }
    System.out.printf("slow bodies: 200 stalled signed requests held; %d of 30 signed publishes answered in %d ms%n", ok,
        (System.nanoTime() - t0) / 1_000_000);
    report("slow bodies (attackers still connected)");
    for (Socket s : sockets) {
      s.close();
    }
  }

  /** 4 connections that never read, each sending 20 MB of 1-byte invalid text frames. */
  private void invalidFramesNeverRead() throws Exception {
    long closed = 0;
    long bytes = 0;
    for (int a = 0; a < 4; a++) {
      try (RawSocket attacker = RawSocket.connect(port, KEY)) {
        try {
          byte[] frames = new byte[7 * 10_000];
          for (int i = 0; i < 10_000; i++) {
            frames[i * 7] = (byte) 0x81;
            frames[i * 7 + 1] = (byte) 0x81;
            frames[i * 7 + 6] = 'x';
          }
          while (bytes < (a + 1) * 20L * 1024 * 1024) {
            attacker.out.write(frames);
            bytes += frames.length;
          }
        } catch (IOException dropped) {
          closed++;
        }
      }
    }
    System.out.printf("invalid frames, never read: %d MB sent by 4 connections, %d dropped by the server while sending%n",
        bytes / 1024 / 1024, closed);
    report("invalid frames");
  }

  /** 50 subscribers that stop reading while 2000 events of 10 KB are published to their channel. */
  private void subscribersThatStopReading() throws Exception {
    List<RawSocket> stalled = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawSocket s = RawSocket.connect(port, KEY);
      s.out.write(RawSocket.frame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"stalled\"}}"));
      stalled.add(s);
    }
    Thread.sleep(500);
    String data = "s".repeat(10_000);
    int refused = 0;
    for (int i = 0; i < 200; i++) {
      List<Event> batch = new ArrayList<>();
      for (int j = 0; j < 10; j++) {
        batch.add(Event.of("stalled", "big", data));
      }
      try {
        client.triggerBatch(batch);
      } catch (dev.channels4j.ApiException e) {
        refused++;
      }
    }
    System.out.printf("subscribers that stop reading: 50 stalled, 2000 events of 10 KB published (%d batches refused with 429)%n",
        refused);
    report("stalled subscribers (still connected)");
    for (RawSocket s : stalled) {
      s.close();
    }
  }

  /** 30 000 events of 10 KB on distinct cache channels. */
  private void cacheChannels() throws Exception {
    String data = "c".repeat(10_000);
    long t0 = System.nanoTime();
    for (int i = 0; i < 3000; i++) {
      List<Event> batch = new ArrayList<>();
      for (int j = 0; j < 10; j++) {
        batch.add(Event.of("cache-attack-" + (i * 10 + j), "e", data));
      }
      client.triggerBatch(batch);
    }
    System.out.printf("cache channels: 30 000 events of 10 KB on distinct cache channels in %d s%n",
        (System.nanoTime() - t0) / 1_000_000_000);
    report("cache channels");
  }

  /** 50 000 subscribe/unsubscribe pairs: 100 000 webhooks for a URL that never answers. */
  private void webhookFlood() throws Exception {
    try (RawSocket s = RawSocket.connect(port, KEY)) {
      byte[] pairs = new byte[0];
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 50_000; i++) {
        buffer.write(RawSocket.frame("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"w" + i + "\"}}"));
        buffer.write(RawSocket.frame("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"w" + i + "\"}}"));
      }
      pairs = buffer.toByteArray();
      s.socket.setReceiveBufferSize(1 << 20);
      Thread reader = new Thread(() -> {
        try {
          s.socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // closed
        }
      });
      reader.setDaemon(true);
      reader.start();
      s.out.write(pairs);
      s.out.flush();
      Thread.sleep(3000);
    }
    System.out.println("webhook URL that never answers: 100 000 webhooks generated by 50 000 subscribe/unsubscribe pairs");
    report("webhook flood");
  }

  private void report(String after) throws Exception {
    long t0 = System.nanoTime();
    client.trigger("health", "check", "ok");
    long publishMs = (System.nanoTime() - t0) / 1_000_000;
    CompletableFuture<String> pong = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/app/" + KEY + "?protocol=7"), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            if (data.toString().contains("pusher:pong")) {
              pong.complete(data.toString());
            } else {
              w.sendText("{\"event\":\"pusher:ping\",\"data\":{}}", true);
            }
            w.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    pong.get(10, TimeUnit.SECONDS);
    ws.abort();
    run("jcmd", Long.toString(pid), "GC.run");
    String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
    Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
    String usedMb = used.find() ? Long.parseLong(used.group(2)) / 1024 + " MB used of " + Long.parseLong(used.group(1)) / 1024
        + " MB" : heap.lines().findFirst().orElse("?");
    System.out.printf("  after %s: publish answered in %d ms, ping answered; heap after GC: %s%n", after, publishMs, usedMb);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return text;
  }

  private static String java() {
    return java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String option(String[] args, String name, String fallback) {
    List<String> list = Arrays.asList(args);
    int at = list.indexOf("--" + name);
    return at >= 0 && at + 1 < list.size() ? list.get(at + 1) : fallback;
  }

  /** A WebSocket on a bare socket that reads nothing unless told to. */
  static final class RawSocket implements AutoCloseable {
    final Socket socket;
    final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    static RawSocket connect(int port, String key) throws IOException {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.setSoTimeout(10_000);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
      RawSocket raw = new RawSocket(socket);
      raw.out.write(("GET /app/" + key + "?protocol=7 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      raw.out.flush();
      var in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("upgrade refused");
        }
        matched = "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      return raw;
    }

    /** A masked (zero mask) text frame. */
    static byte[] frame(String text) {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      if (payload.length > 125) {
        throw new IllegalArgumentException("short frames only");
      }
      byte[] frame = new byte[6 + payload.length];
      frame[0] = (byte) 0x81;
      frame[1] = (byte) (0x80 | payload.length);
      System.arraycopy(payload, 0, frame, 6, payload.length);
      return frame;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
