package dev.channels4j.examples.orders;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.spring.boot.test.AutoConfigureLocalChannels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that starts a request body and stops sending must not keep a server thread. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureLocalChannels
class SlowRequestBodyTest {
  /** Far above the app's 2 s, far below Tomcat's default 60 s. */
  private static final int PATIENCE_MILLIS = 15_000;

  @LocalServerPort
  int port;

  @Test
  void theServerGivesUpOnARequestBodyThatStopsArriving() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(PATIENCE_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /pusher/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{").getBytes(US_ASCII));
      out.flush();

      assertThat(closedByServer(socket.getInputStream()))
          .as("the server closed the connection of a stalled request body")
          .isTrue();
    }
  }

  private static boolean closedByServer(InputStream in) throws IOException {
    try {
      in.readAllBytes();
      return true;
    } catch (SocketTimeoutException stillWaiting) {
      return false;
    }
  }
}
