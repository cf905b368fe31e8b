package dev.channels4j.testsupport.network;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** One proxied connection: the client's socket, the proxy's socket to the target, a delay line each way. */
final class Pipe {
  final Side client;
  final Side server;
  /** Client to server. */
  final Direction up;
  /** Server to client. */
  final Direction down;
  long lastActivity;
  /** True when the server has sent since the client last did: the client's next bytes start a request. */
  boolean answered = true;
  int requests;
  long clientBytes;
  boolean closed;

  Pipe(SocketChannel clientChannel, SocketChannel serverChannel, long now) {
    this.client = new Side(this, clientChannel);
    this.server = new Side(this, serverChannel);
    this.up = new Direction(client, server);
    this.down = new Direction(server, client);
    client.connected = true;
    client.inbound = up;
    client.outbound = down;
    server.inbound = down;
    server.outbound = up;
    this.lastActivity = now;
  }

  /** One socket of a pipe. */
  static final class Side {
    final Pipe pipe;
    final SocketChannel channel;
    SelectionKey key;
    /** The line what this side sends goes into. */
    Direction inbound;
    /** The line whose chunks are written to this side. */
    Direction outbound;
    boolean connected;
    boolean eof;

    Side(Pipe pipe, SocketChannel channel) {
      this.pipe = pipe;
      this.channel = channel;
    }
  }

  /** A delay line: chunks in arrival order, each with the time it may be written. */
  static final class Direction {
    final Side from;
    final Side to;
    final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    /** Bytes in {@link #chunks}; bounded by the proxy's maxBufferedBytes (reading stops at it). */
    int bytes;
    long lastRelease;
    boolean writeBlocked;
    boolean outputShut;

    Direction(Side from, Side to) {
      this.from = from;
      this.to = to;
    }

    boolean closed() {
      return from.pipe.closed;
    }
  }

  /** Bytes read at {@code arrived}, to be written no earlier than {@code release}. */
  record Chunk(ByteBuffer data, long arrived, long release) {}
}
