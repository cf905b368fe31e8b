package dev.channels4j.benchmarks.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The subscribers as plain sockets: one thread and one selector read every connection, parse the
 * WebSocket frames in place and look for {@code "data":"t=} in their bytes; no per-message task,
 * string or demand signal. Why not a WebSocket client library here: the generator shares the two
 * cores with the server it measures, so it must cost far less per delivery than the server, and
 * the JDK's client (selector thread, then an executor hand-off, a {@code request(1)} and a
 * {@code String} per message; {@link Subscribers}) measured more than the servers did (see
 * BENCHMARKS.md, "Fan-out"). It speaks only what the benchmark needs of RFC 6455: the upgrade,
 * masked text frames out, unmasked frames in (text, continuation, ping, close); the upgrade's
 * {@code Sec-WebSocket-Accept} is checked.
 */
final class FrameSubscribers extends SubscriberSide {
  private static final byte[] STAMP = "\"data\":\"t=".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUBSCRIBED = "subscription_succeeded".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PING = "pusher:ping".getBytes(StandardCharsets.US_ASCII);
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  /** The largest frame (header included) the reader takes; the benchmark's messages are about 70 bytes. */
  private static final int READ_BUFFER = 256 * 1024;

  private final Selector selector;
  private final Thread reader;
  private final Queue<Socket> toRegister = new ConcurrentLinkedQueue<>();
  private final List<Socket> sockets = new ArrayList<>();
  /** Reads that returned bytes since {@link #record}: how many messages a server puts in one segment shows here. */
  private final AtomicLong reads = new AtomicLong();
  private volatile boolean running = true;

  FrameSubscribers() throws IOException {
    selector = Selector.open();
    reader = new Thread(this::readLoop, "fanout-frame-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public void open(URI uri, int count, IntFunction<String> channel) throws Exception {
    CountDownLatch subscribed = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      Socket socket = connect(uri, subscribed);
      socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel.apply(i) + "\"}}");
      register(socket);
    }
    if (!subscribed.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(subscribed.getCount() + " of " + count + " subscriptions did not succeed");
    }
  }

  @Override
  public int openIdle(URI uri, int max) {
    int opened = 0;
    try {
      while (opened < max) {
        register(connect(uri, null));
        opened++;
      }
    } catch (Exception e) {
      System.out.println("  connections stopped at " + opened + " more: " + e);
    }
    return opened;
  }

  private void register(Socket socket) throws IOException {
    socket.channel.configureBlocking(false);
    synchronized (sockets) {
      sockets.add(socket);
    }
    toRegister.add(socket);
    selector.wakeup();
  }

  /** The upgrade, blocking; what the server sends after its response is kept for the reader. */
  private static Socket connect(URI uri, CountDownLatch subscribed) throws Exception {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
    channel.socket().setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n"
        + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    ByteBuffer in = ByteBuffer.allocate(8192);
    int end;
    while ((end = headerEnd(in)) < 0) {
      if (!in.hasRemaining() || channel.read(in) < 0) {
        channel.close();
        throw new IOException("no complete upgrade response from " + uri);
      }
    }
    String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
    String accept = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    if (!head.startsWith("HTTP/1.1 101") || !head.toLowerCase(java.util.Locale.ROOT).contains(accept.toLowerCase(java.util.Locale.ROOT))) {
      channel.close();
      throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
    }
    Socket socket = new Socket(channel, subscribed);
    int extra = in.position() - (end + 4);
    if (extra > 0) {
      socket.leftover = new byte[extra];
      System.arraycopy(in.array(), end + 4, socket.leftover, 0, extra);
    }
    return socket;
  }

  private static int headerEnd(ByteBuffer in) {
    byte[] a = in.array();
    for (int i = 3; i < in.position(); i++) {
      if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
        return i - 3;
      }
    }
    return -1;
  }

  private static void writeFully(SocketChannel channel, ByteBuffer out) throws IOException {
    while (out.hasRemaining()) {
      if (channel.write(out) == 0) {
        Thread.onSpinWait(); // a non-blocking socket whose send buffer is full: only pongs, rare and small
      }
    }
  }

  private void readLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
    try {
      while (running) {
        selector.select();
        for (Socket socket; (socket = toRegister.poll()) != null; ) {
          socket.channel.register(selector, SelectionKey.OP_READ, socket);
          buffer.clear();
          read(socket, buffer, false);
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          if (key.isValid() && key.isReadable()) {
            buffer.clear();
            read((Socket) key.attachment(), buffer, true);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        System.out.println("  frame reader stopped: " + e);
      }
    }
  }

  private void read(Socket socket, ByteBuffer buffer, boolean fromSocket) throws IOException {
    if (socket.leftover != null) {
      buffer.put(socket.leftover);
      socket.leftover = null;
    }
    if (fromSocket) {
      int n;
      try {
        n = socket.channel.read(buffer);
      } catch (IOException reset) {
        n = -1;
      }
      if (n < 0) {
        gone(socket);
        return;
      }
      reads.incrementAndGet();
    }
    buffer.flip();
    frames(socket, buffer);
    if (buffer.hasRemaining()) {
      if (buffer.position() == 0 && buffer.limit() == buffer.capacity()) {
        throw new IllegalStateException("a frame larger than " + READ_BUFFER + " bytes");
      }
      socket.leftover = new byte[buffer.remaining()];
      buffer.get(socket.leftover);
    }
  }

  /** Takes every complete frame; leaves the buffer at the first incomplete one. */
  private void frames(Socket socket, ByteBuffer b) throws IOException {
    byte[] a = b.array();
    while (b.remaining() >= 2) {
      int at = b.position();
      int b0 = a[at] & 0xFF;
      int b1 = a[at + 1] & 0xFF;
      int header = 2;
      long length = b1 & 0x7F;
      if (length == 126) {
        header = 4;
        if (b.remaining() < header) {
          return;
        }
        length = ((a[at + 2] & 0xFF) << 8) | (a[at + 3] & 0xFF);
      } else if (length == 127) {
        header = 10;
        if (b.remaining() < header) {
          return;
        }
        length = b.getLong(at + 2);
      }
      if ((b1 & 0x80) != 0) {
        throw new IOException("a masked frame from the server");
      }
      if (b.remaining() < header + length) {
        return;
      }
      int start = at + header;
      int end = (int) (start + length);
      boolean fin = (b0 & 0x80) != 0;
      switch (b0 & 0x0F) {
        case 0x1, 0x0 -> {
          if (fin && socket.partial == null) {
            message(socket, a, start, end);
          } else {
            socket.partial = socket.partial == null ? new java.io.ByteArrayOutputStream() : socket.partial;
            socket.partial.write(a, start, end - start);
            if (fin) {
              byte[] whole = socket.partial.toByteArray();
              socket.partial = null;
              message(socket, whole, 0, whole.length);
            }
          }
        }
        case 0x8 -> gone(socket);
        case 0x9 -> socket.send(0xA, java.util.Arrays.copyOfRange(a, start, end));
        default -> { } // pong, or binary (never sent by these servers)
      }
      b.position(end);
      if (!socket.channel.isOpen()) {
        b.position(b.limit());
        return;
      }
    }
  }

  private void message(Socket socket, byte[] a, int from, int to) throws IOException {
    int at = indexOf(a, from, to, STAMP);
    if (at >= 0) {
      long now = System.nanoTime();
      long sent = 0;
      for (int i = at + STAMP.length; i < to && a[i] >= '0' && a[i] <= '9'; i++) {
        sent = sent * 10 + (a[i] - '0');
      }
      delivered(sent, now);
    } else if (socket.subscribed != null && indexOf(a, from, to, SUBSCRIBED) >= 0) {
      socket.subscribed.countDown();
    } else if (indexOf(a, from, to, PING) >= 0) {
      socket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}");
    }
  }

  private static int indexOf(byte[] a, int from, int to, byte[] what) {
    outer:
    for (int i = from; i <= to - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (a[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void gone(Socket socket) throws IOException {
    if (socket.channel.isOpen()) {
      countServerClose();
      socket.channel.close();
    }
  }

  @Override
  void record(int expected) {
    super.record(expected);
    reads.set(0);
  }

  /** Socket reads that returned data since {@link #record}. */
  long reads() {
    return reads.get();
  }

  @Override
  public int open() {
    synchronized (sockets) {
      return sockets.size();
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (sockets) {
      for (Socket socket : sockets) {
        try {
          socket.channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      sockets.clear();
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** One connection; read and written by the reader thread once registered. */
  private static final class Socket {
    final SocketChannel channel;
    final CountDownLatch subscribed;
    byte[] leftover;
    java.io.ByteArrayOutputStream partial;

    Socket(SocketChannel channel, CountDownLatch subscribed) {
      this.channel = channel;
      this.subscribed = subscribed;
    }

    void sendText(String text) throws IOException {
      send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One masked frame (clients must mask), short payloads only. */
    void send(int opcode, byte[] payload) throws IOException {
      if (payload.length > 125) {
        throw new IOException("a frame of " + payload.length + " bytes: this client sends only short ones");
      }
      ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
      frame.put((byte) (0x80 | opcode)).put((byte) (0x80 | payload.length));
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.put(mask);
      for (int i = 0; i < payload.length; i++) {
        frame.put((byte) (payload[i] ^ mask[i & 3]));
      }
      frame.flip();
      writeFully(channel, frame);
    }
  }
}
