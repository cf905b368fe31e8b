package dev.channels4j.testsupport.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** A loopback server that echoes every byte back, counting what it received. */
final class EchoServer implements AutoCloseable {
  private final ServerSocket socket;
  final AtomicLong received = new AtomicLong();

  EchoServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "echo-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread echo = new Thread(() -> echo(connection), "echo");
        echo.setDaemon(true);
        echo.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void echo(Socket connection) {
    try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        received.addAndGet(n);
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException gone) {
      // the proxy closed or reset the connection: what the tests provoke
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
