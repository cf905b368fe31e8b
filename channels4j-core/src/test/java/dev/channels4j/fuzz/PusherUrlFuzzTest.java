package dev.channels4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code PUSHER_URL} comes from the environment: any text either builds a client or fails with a
 * {@link ValidationException}, and the secret it carries never shows in the message.
 */
class PusherUrlFuzzTest {
  private static final String SECRET = "s3cr3tVALUE";

  @Property
  void anyTextBuildsAClientOrFailsWithAValidationException(@ForAll String url) {
    buildOrRefuse(url);
  }

  @Property
  void urlShapedTextNeverLeaksItsSecret(@ForAll("urls") String url) {
    buildOrRefuse(url);
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

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "ftp://", "", "http:/", "http:///");
    Arbitrary<String> user = Arbitraries.of("key:" + SECRET + "@", "key:" + SECRET, ":" + SECRET + "@", "key@",
        "k%3Ay:" + SECRET + "@", "key:" + SECRET + "%@", "key:" + SECRET + "@@", "", "key:" + SECRET + " @");
    Arbitrary<String> host = Arbitraries.oneOf(Arbitraries.of("127.0.0.1", "api-eu.pusher.com", "[::1]", "", "h st",
        "xn--nxasmq6b", "a".repeat(300)), Arbitraries.strings().ofMaxLength(12));
    Arbitrary<String> port = Arbitraries.oneOf(Arbitraries.of("", ":6001", ":0", ":65536", ":-1", ":x", ":"),
        Arbitraries.integers().map(i -> ":" + i));
    Arbitrary<String> path = Arbitraries.oneOf(Arbitraries.of("/apps/1", "/apps/1/", "/apps/", "/apps//", "/app/1",
        "/apps/1/x", "", "/apps/%20", "/apps/1?x=1", "/apps/1#f"), Arbitraries.strings().ofMaxLength(12).map(s -> "/apps/" + s));
    return Combinators.combine(scheme, user, host, port, path).as((a, b, c, d, e) -> a + b + c + d + e);
  }
}
