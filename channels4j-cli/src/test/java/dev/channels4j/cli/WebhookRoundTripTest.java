package dev.channels4j.cli;

import static dev.channels4j.cli.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.channels4j.local.LocalServer;
import dev.channels4j.testkit.TestSubscriber;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A webhook the local server really sent verifies with {@code webhook verify}; {@code webhook sign} signs it alike. */
class WebhookRoundTripTest {
  @TempDir Path dir;

  private record Delivery(byte[] body, String signature) {}

  @Test
  void aRealWebhookVerifiesAndSignsTheSame() throws Exception {
    CompletableFuture<Delivery> delivered = new CompletableFuture<>();
    HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/hooks", exchange -> {
      try (exchange) {
        delivered.complete(new Delivery(exchange.getRequestBody().readAllBytes(),
            exchange.getRequestHeaders().getFirst("X-Pusher-Signature")));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    endpoint.start();
    try (LocalServer server = LocalServer.builder().host("127.0.0.1").port(0)
            .webhookUrl("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks").build().start();
        TestSubscriber subscriber = TestSubscriber.connect(server)) {
      subscriber.subscribe("w-occupied");
      Delivery webhook = delivered.get(10, TimeUnit.SECONDS);
      Path body = Files.write(dir.resolve("hook.json"), webhook.body());

      Cli.Result verified = cli().env("PUSHER_URL", server.pusherUrl())
          .run("webhook", "verify", "--signature", webhook.signature(), body.toString());
      Cli.Result signed = cli().env("PUSHER_URL", server.pusherUrl()).run("webhook", "sign", body.toString());

      assertThat(verified.exit()).as(verified.toString()).isZero();
      assertThat(verified.out()).contains("channel_occupied w-occupied");
      assertThat(signed.out()).contains("X-Pusher-Signature: " + webhook.signature());
    } finally {
      endpoint.stop(0);
    }
  }
}
