package dev.channels4j.testing;

import dev.channels4j.testsupport.Await;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deliberately broken HTTP/1.1 server on {@code 127.0.0.1:<ephemeral>}, on raw sockets so it
 * can misbehave in ways a real server refuses to: it reads each request, then answers as its
 * script says. Connection {@code i} follows {@code faults[i % faults.length]}, so a script can
 * alternate faults per connection. Bounded in time: no fault lasts past {@link #MAX_FAULT}, and
 * {@link #close()} ends every connection and waits for its threads.
 *
 * <pre>{@code
 * try (FaultServer server = FaultServer.start(Fault.RESET, Fault.OK)) {
 *   ... client.host("127.0.0.1").port(server.port()).useTls(false) ...
 *   server.awaitNoOpenConnections(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class FaultServer implements AutoCloseable {
  /** No stall, trickle or endless body lasts longer than this, whatever the client does. */
  public static final Duration MAX_FAULT = Duration.ofSeconds(20);

  /**
   * A 200 answer every operation can read: trigger, batch (with or without info), channel list,
   * channel, users.
   */
  public static final String OK_BODY =
      "{\"channels\":{},\"batch\":[{},{},{},{},{},{},{},{},{},{}],\"occupied\":false,\"users\":[]}";

  /** What the server does once it has read a request. */
  public enum Fault {
    /** Answers 200 with {@link #OK_BODY} and keeps the connection. */
    OK,
    /** Closes the connection without a byte of answer. */
    CLOSE_WITHOUT_ANSWER,
    /** Resets the connection (TCP RST) without a byte of answer. */
    RESET,
    /** Answers nothing, keeps the connection open. */
    STALL_BEFORE_HEADERS,
    /** Sends the head and part of the body, then nothing more. */
    STALL_DURING_BODY,
    /** Sends a 200 whose body comes one byte every 50 ms. */
    TRICKLE,
    /** Sends a 200 whose chunked body never ends, as fast as the client reads. */
    ENDLESS_BODY,
    /** Sends bytes that are not HTTP, then closes. */
    GARBAGE,
    /** Answers 200 with an HTML page, as a misconfigured proxy does. */
    NOT_JSON_200,
    /** Answers 500 with a text body. */
    HTTP_500,
    /** Answers 503 with {@code Retry-After: 7}. */
    HTTP_503_RETRY_AFTER,
    /** Answers 429 without Retry-After. */
    HTTP_429,
    /** Answers 429 with {@code Retry-After: 3}. */
    HTTP_429_RETRY_AFTER
  }

  private final ServerSocket socket;
  private final List<Fault> script;
  /** With several faults, each connection carries one exchange, so the next one meets the next fault. */
  private final boolean oneExchangePerConnection;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** Connections waiting for their next request, as a load balancer's idle timeout finds them. */
  private final Set<Socket> idle = ConcurrentHashMap.newKeySet();
  private final List<Thread> handlers = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean closed;

  private FaultServer(ServerSocket socket, List<Fault> script) {
    this.socket = socket;
    this.script = script;
    this.oneExchangePerConnection = script.size() > 1;
    this.acceptor = new Thread(this::accept, "fault-server-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** A server whose connection {@code i} follows {@code faults[i % faults.length]}. */
  public static FaultServer start(Fault... faults) {
    if (faults.length == 0) {
      throw new IllegalArgumentException("name at least one fault");
    }
    try {
      return new FaultServer(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()), List.of(faults));
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind 127.0.0.1:0", e);
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Requests read so far, over every connection. */
  public int requests() {
    return requests.get();
  }

  /** Connections the client has not closed yet (as this server sees them). */
  public int openConnections() {
    return open.size();
  }

  /** Waits until the client has closed every connection; whether it did within {@code limit}. */
  public boolean awaitNoOpenConnections(Duration limit) throws InterruptedException {
    return Await.within(open::isEmpty, limit);
  }

  private void accept() {
    while (!closed) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      Fault fault = script.get(connections.getAndIncrement() % script.size());
      open.add(connection);
      Thread handler = new Thread(() -> serve(connection, fault), "fault-server-" + fault);
      handler.setDaemon(true);
      handlers.add(handler);
      handler.start();
    }
  }

  private void serve(Socket connection, Fault fault) {
    try (connection) {
      connection.setSoTimeout((int) MAX_FAULT.toMillis());
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (!closed && readIdle(connection, in)) {
        requests.incrementAndGet();
        if (!answer(fault, connection, in, out) || oneExchangePerConnection) {
          return;
        }
      }
    } catch (IOException e) {
      // the client closed or reset the connection: what a fault test expects
    } finally {
      open.remove(connection);
    }
  }

  private boolean readIdle(Socket connection, InputStream in) throws IOException {
    idle.add(connection);
    try {
      return readRequest(in);
    } finally {
      idle.remove(connection);
    }
  }

  /**
   * Closes every kept-alive connection that waits for a request, as a load balancer does when its
   * idle timeout passes; returns how many it closed.
   */
  public int closeIdleConnections() throws IOException {
    int count = 0;
    for (Socket connection : List.copyOf(idle)) {
      connection.close();
      count++;
    }
    return count;
  }

  /** Acts out the fault; whether the connection may carry another request. */
  private boolean answer(Fault fault, Socket connection, InputStream in, OutputStream out) throws IOException {
    switch (fault) {
      case OK -> respond(out, 200, "application/json", OK_BODY, null);
      case NOT_JSON_200 -> respond(out, 200, "text/html", "<html><body>502 Bad Gateway</body></html>", null);
      case HTTP_500 -> respond(out, 500, "text/plain", "internal error", null);
      case HTTP_503_RETRY_AFTER -> respond(out, 503, "text/plain", "busy", "7");
      case HTTP_429 -> respond(out, 429, "text/plain", "slow down", null);
      case HTTP_429_RETRY_AFTER -> respond(out, 429, "text/plain", "slow down", "3");
      case CLOSE_WITHOUT_ANSWER -> {
        return false;
      }
      case RESET -> {
        connection.setSoLinger(true, 0);
        return false;
      }
      case STALL_BEFORE_HEADERS -> {
        awaitClientClose(connection, in);
        return false;
      }
      case STALL_DURING_BODY -> {
        out.write(head(200, "application/json", "Content-Length: 1000\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write("{\"channels\":".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        awaitClientClose(connection, in);
        return false;
      }
      case TRICKLE -> {
        out.write(head(200, "application/json", "Content-Length: 100000\r\n").getBytes(StandardCharsets.US_ASCII));
        long end = System.nanoTime() + MAX_FAULT.toNanos();
        while (!closed && System.nanoTime() < end) {
          out.write(' ');
          out.flush();
          // The pace is the fault: only real time between bytes keeps a per-read timeout from firing.
          sleep(50);
        }
        return false;
      }
      case ENDLESS_BODY -> {
        out.write(head(200, "application/json", "Transfer-Encoding: chunked\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long end = System.nanoTime() + MAX_FAULT.toNanos();
        while (!closed && System.nanoTime() < end) {
          out.write(chunk); // fails once the client drops the connection
        }
        return false;
      }
      case GARBAGE -> {
        out.write(new byte[] {0, (byte) 0xff, 'N', 'O', 'T', ' ', 'H', 'T', 'T', 'P', '\r', '\n', 0x7f, '\r', '\n', '\r', '\n'});
        out.flush();
        return false;
      }
      default -> throw new IllegalStateException("unscripted fault " + fault);
    }
    return true;
  }

  private void respond(OutputStream out, int status, String type, String body, String retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String extra = "Content-Length: " + bytes.length + "\r\n" + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n")
        + (oneExchangePerConnection ? "Connection: close\r\n" : "");
    out.write(head(status, type, extra).getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  private static String head(int status, String type, String extra) {
    return "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Fault") + "\r\nContent-Type: " + type + "\r\n" + extra + "\r\n";
  }

  /** Waits, sending nothing, until the client gives up on the connection (or {@link #MAX_FAULT} passes). */
  private void awaitClientClose(Socket connection, InputStream in) throws IOException {
    try {
      while (!closed && in.read() != -1) {
        // a client does not send on a busy connection; discard whatever comes
      }
    } catch (SocketTimeoutException e) {
      // MAX_FAULT passed
    }
  }

  /** Reads one request (head and Content-Length body); false at the end of the stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long contentLength = 0;
    boolean first = true;
    int headBytes = 0;
    while (true) {
      int b = in.read();
      if (b == -1) {
        return false;
      }
      if (++headBytes > 64 * 1024) {
        throw new IOException("request head over 64 KiB");
      }
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.US_ASCII).strip();
      line.reset();
      if (text.isEmpty()) {
        if (first) {
          continue; // stray CRLF between requests
        }
        break;
      }
      first = false;
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        contentLength = Long.parseLong(lower.substring("content-length:".length()).trim());
      }
    }
    in.skipNBytes(contentLength);
    return true;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket connection : open) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      acceptor.join(5000);
      for (Thread handler : handlers) {
        handler.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
