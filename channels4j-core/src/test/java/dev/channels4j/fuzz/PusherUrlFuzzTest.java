package dev.channels4j.fuzz;

import dev.channels4j.testsupport.Fuzz;
import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * {@code PUSHER_URL} comes from the environment: any text either builds a client or fails with a
 * {@link ValidationException}, and the secret it carries never shows in the message.
 */
class PusherUrlFuzzTest {
  private static final String SECRET = "s3cr3tVALUE";

  @Test
  void anyTextBuildsAClientOrFailsWithAValidationException() {
    Fuzz.forAll("anyText", g -> g.string(255), PusherUrlFuzzTest::buildOrRefuse);
  }

  @Test
  void urlShapedTextNeverLeaksItsSecret() {
    Fuzz.forAll("urlShapedText", PusherUrlFuzzTest::url, PusherUrlFuzzTest::buildOrRefuse);
  }

  private static void buildOrRefuse(String url) {
    try (ChannelsClient client = ChannelsClient.builder().url(url).build()) {
      assertThat(client.toString()).doesNotContain(SECRET);
    } catch (ValidationException expected) {
      assertThat(expected.getMessage()).isNotBlank().doesNotContain(SECRET);
      for (Throwable cause = expected.getCause(); cause != null; cause = cause.getCause()) {
        assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET);
      }
    }
  }

  private static String url(Fuzz.Gen g) {
    String scheme = g.of("http://", "https://", "HTTP://", "ftp://", "", "http:/", "http:///");
    String user = g.of("key:" + SECRET + "@", "key:" + SECRET, ":" + SECRET + "@", "key@",
        "k%3Ay:" + SECRET + "@", "key:" + SECRET + "%@", "key:" + SECRET + "@@", "", "key:" + SECRET + " @");
    String host = g.oneOf(() -> g.of("127.0.0.1", "api-eu.pusher.com", "[::1]", "", "h st",
        "xn--nxasmq6b", "a".repeat(300)), () -> g.string(12));
    String port = g.oneOf(() -> g.of("", ":6001", ":0", ":65536", ":-1", ":x", ":"), () -> ":" + g.anyInt());
    String path = g.oneOf(() -> g.of("/apps/1", "/apps/1/", "/apps/", "/apps//", "/app/1",
        "/apps/1/x", "", "/apps/%20", "/apps/1?x=1", "/apps/1#f"), () -> "/apps/" + g.string(12));
    return scheme + user + host + port + path;
  }
}
