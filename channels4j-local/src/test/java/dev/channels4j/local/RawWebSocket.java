package dev.channels4j.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket that reads only when told to: the misbehaving peer of the
 * attack tests (a client that never reads, or floods frames). Its receive buffer is small, so the
 * server's writes back up quickly.
 */
final class RawWebSocket implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  /** Connects to the default app, completes the upgrade and reads nothing more. */
  static RawWebSocket connect(LocalServer server) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.setSoTimeout(10_000);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
    RawWebSocket ws = new RawWebSocket(socket);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request = "GET /app/" + server.defaultApp().key() + "?protocol=7 HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    String head = ws.readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head);
    }
    return ws;
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one masked text frame (payload under 126 bytes); throws once the server has dropped us. */
  void sendText(String text) throws IOException {
    sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one masked ping frame (payload under 126 bytes, as for every control frame). */
  void sendPing(byte[] payload) throws IOException {
    sendFrame(0x9, payload);
  }

  private void sendFrame(int opcode, byte[] payload) throws IOException {
    if (payload.length >= 126) {
      throw new IllegalArgumentException("short frames only");
    }
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    frame[1] = (byte) (0x80 | payload.length);
    // A zero mask keeps the payload as is; the server must still unmask it.
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = payload[i];
    }
    out.write(frame);
  }

  void flush() throws IOException {
    out.flush();
  }

  /** A frame from the server: its opcode and payload. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** Reads the next frame the server sent (unmasked, as a server's frames are). */
  Frame readFrame() throws IOException {
    int first = readByte();
    int second = readByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte();
      }
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length < length) {
      throw new IOException("closed in the middle of a frame");
    }
    return new Frame(first & 0x0f, payload);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("closed by the server");
    }
    return b;
  }

  /** Reads until the server closes the socket (or it is reset); true when it did within the socket timeout. */
  boolean drainUntilClosed() {
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
