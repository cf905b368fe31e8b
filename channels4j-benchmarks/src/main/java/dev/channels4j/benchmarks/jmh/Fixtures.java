package dev.channels4j.benchmarks.jmh;

import com.pusher.rest.PusherAbstract;
import dev.channels4j.ChannelsClient;
import dev.channels4j.spi.TransportResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The apps, clients and inputs the JMH benchmarks share; the same for both libraries. */
final class Fixtures {
  static final String APP_ID = "123";
  static final String KEY = "278d425bdf160c739803";
  static final String SECRET = "7ad3773142a6692b25b8";
  static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(
      "an-encryption-master-key-32-byte".getBytes(StandardCharsets.US_ASCII));
  static final String SOCKET_ID = "1234.5678";
  static final String CHANNEL = "my-channel";
  static final String EVENT = "my-event";
  static final Map<String, Object> DATA = Map.of("symbol", "ACME", "price", 101.25, "message", "hello world");
  static final Map<String, Object> USER_INFO = Map.of("name", "Ann", "twitter", "@ann");
  static final byte[] KILOBYTE = kilobyte();
  static final byte[] WEBHOOK_BODY = webhookBody();

  private static final CompletableFuture<TransportResponse> OK =
      CompletableFuture.completedFuture(new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));

  private Fixtures() {}

  static ChannelsClient channels4j() {
    return ChannelsClient.builder()
        .appId(APP_ID).key(KEY).secret(SECRET)
        .host("127.0.0.1").port(6001).useTls(false)
        .encryptionMasterKeyBase64(MASTER_KEY_BASE64)
        // Answers at once: what is measured is everything the client does around the network.
        .transport(request -> OK)
        .build();
  }

  /** pusher-http-java with its network calls replaced by returning what would have been sent. */
  static final class CapturingPusher extends PusherAbstract<Object> {
    CapturingPusher() {
      super(APP_ID, KEY, SECRET, MASTER_KEY_BASE64);
      setHost("127.0.0.1:6001");
      setEncrypted(false);
    }

    @Override
    protected Object doGet(URI uri) {
      return uri;
    }

    @Override
    protected Object doPost(URI uri, String body) {
      return new Object[] {uri, body};
    }
  }

  private static byte[] kilobyte() {
    byte[] bytes = new byte[1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  /** A genuine-looking webhook body of about 1 KB: channel_occupied/vacated events. */
  private static byte[] webhookBody() {
    StringBuilder events = new StringBuilder();
    List<String> items = new ArrayList<>();
    int i = 0;
    while (events.length() < 950) {
      String item = "{\"name\":\"" + (i % 2 == 0 ? "channel_occupied" : "channel_vacated")
          + "\",\"channel\":\"presence-room-" + i + "\"}";
      items.add(item);
      events.setLength(0);
      events.append(String.join(",", items));
      i++;
    }
    return ("{\"time_ms\":1700000000000,\"events\":[" + events + "]}").getBytes(StandardCharsets.UTF_8);
  }
}
