package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.channels4j.testing.CapturingTransport;
import dev.channels4j.testing.RecordingHttpServer;
import dev.channels4j.testing.RecordingHttpServer.Recorded;
import dev.channels4j.testing.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code fromUrl} / {@code fromEnv}: what a URL sets (go-library §1.2, §7.1.6) and how a bad one is refused. */
class FromUrlTest {
  private static final String GO_URL = "http://feaf18a411d3cb9216ee:fec81108d90e1898e17a@api.pusherapp.com/apps/104060";

  /** Builds from the URL with a capturing transport, triggers once, and returns the request. */
  private static CapturingTransport triggerThrough(String url) {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = ChannelsClient.builder().url(url).transport(transport).build()) {
      client.trigger("c", "e", "d");
    }
    return transport;
  }

  @Test
  void goLibraryUrlSetsKeySecretAppIdAndHostOverPlainHttp() {
    CapturingTransport transport = triggerThrough(GO_URL);

    String uri = transport.onlyRequest().uri().toString();
    assertThat(uri).startsWith("http://api.pusherapp.com:80/apps/104060/events?");
    Recorded request = transport.onlyRequestAsRecorded();
    assertThat(request.query().get("auth_key")).isEqualTo("feaf18a411d3cb9216ee");
    assertThat(request.query().get("auth_signature"))
        .isEqualTo(SignatureCheck.expectedSignature(request, "fec81108d90e1898e17a"));
  }

  @Test
  void httpsUrlUsesTlsOnPort443() {
    CapturingTransport transport = triggerThrough("https://key:secret@api.pusherapp.com/apps/104060");

    assertThat(transport.onlyRequest().uri().toString()).startsWith("https://api.pusherapp.com:443/apps/104060/");
  }

  @Test
  void explicitPortIsKept() {
    CapturingTransport transport = triggerThrough("https://key:secret@channels.example.com:8443/apps/1");

    assertThat(transport.onlyRequest().uri().toString()).startsWith("https://channels.example.com:8443/apps/1/");
  }

  @Test
  void ipv6HostIsKept() {
    CapturingTransport transport = triggerThrough("http://key:secret@[::1]:6001/apps/1");

    assertThat(transport.onlyRequest().uri().toString()).startsWith("http://[::1]:6001/apps/1/");
  }

  @Test
  void percentEncodedSecretIsDecodedBeforeSigning() {
    CapturingTransport transport = triggerThrough("http://key:s%2Fe%40cret@example.com/apps/1");

    Recorded request = transport.onlyRequestAsRecorded();
    assertThat(request.query().get("auth_signature")).isEqualTo(SignatureCheck.expectedSignature(request, "s/e@cret"));
  }

  @Test
  void soketiStyleAppIdIsAccepted() {
    CapturingTransport transport = triggerThrough("http://app-key:app-secret@127.0.0.1:6001/apps/app-id");

    assertThat(transport.onlyRequest().uri().getRawPath()).isEqualTo("/apps/app-id/events");
  }

  @Test
  void fromUrlTalksToTheServerItNames() {
    try (RecordingHttpServer server = RecordingHttpServer.start();
        ChannelsClient client = ChannelsClient.fromUrl("http://key:secret@127.0.0.1:" + server.port() + "/apps/104060")) {
      client.trigger("c", "e", "d");

      Recorded request = server.onlyRequest();
      assertThat(request.rawPath()).isEqualTo("/apps/104060/events");
      assertThat(request.query().get("auth_key")).isEqualTo("key");
      assertThat(request.query().get("auth_signature")).isEqualTo(SignatureCheck.expectedSignature(request, "secret"));
    }
  }

  @Test
  void httpsUrlReallyStartsATlsHandshake() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
        try (Socket socket = listener.accept()) {
          return socket.getInputStream().read();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      try (ChannelsClient client =
          ChannelsClient.fromUrl("https://key:secret@127.0.0.1:" + listener.getLocalPort() + "/apps/1")) {
        TransportException e = catchThrowableOfType(TransportException.class, () -> client.trigger("c", "e", "d"));
        assertThat(e).as("the handshake cannot succeed against a socket that hangs up").isNotNull();
      }

      // 0x16 is the TLS handshake record type; a plain HTTP request would start with 'P' of POST.
      assertThat(firstByte.get(10, TimeUnit.SECONDS)).isEqualTo(0x16);
    }
  }

  // ---- refused URLs -----------------------------------------------------------------------

  private static void assertRefused(String url, String... messageParts) {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> ChannelsClient.fromUrl(url));
    assertThat(e).as("fromUrl(%s) should fail", url).isNotNull();
    for (String part : messageParts) {
      assertThat(e.getMessage()).contains(part);
    }
  }

  @Test
  void goLibraryBadUrlIsRefused() {
    assertRefused("http://fec81108d90e1898e17a@api.pusherapp.com/apps");
  }

  @Test
  void urlWithoutSecretIsRefused() {
    assertRefused("http://key@api.pusherapp.com/apps/1", "key:secret");
    assertRefused("http://key:@api.pusherapp.com/apps/1", "key:secret");
  }

  @Test
  void urlWithoutCredentialsIsRefused() {
    assertRefused("http://api.pusherapp.com/apps/1", "key:secret");
  }

  @Test
  void urlWithoutAppIdIsRefused() {
    assertRefused("http://key:secret@api.pusherapp.com/apps", "app id");
    assertRefused("http://key:secret@api.pusherapp.com/", "app id");
    assertRefused("http://key:secret@api.pusherapp.com/apps/1/events", "app id");
  }

  @Test
  void nonHttpSchemeIsRefused() {
    assertRefused("ftp://key:secret@api.pusherapp.com/apps/1", "http:// or https://");
    assertRefused("key:secret@api.pusherapp.com/apps/1", "http:// or https://");
  }

  @Test
  void unparsableUrlIsRefused() {
    assertRefused("http://key:secret@api pusherapp.com/apps/1", "not a valid URL");
  }

  @Test
  void refusalNeverEchoesTheSecret() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ChannelsClient.fromUrl("http://key:topsecret@api.pusherapp.com/nowhere"));

    assertThat(e.getMessage()).doesNotContain("topsecret");
  }

  // ---- fromEnv ----------------------------------------------------------------------------

  @Test
  void fromEnvReadsTheNamedVariable() {
    try (RecordingHttpServer server = RecordingHttpServer.start();
        ChannelsClient client = ChannelsClient.fromEnv(
            "PUSHER_URL", Map.of("PUSHER_URL", "http://key:secret@127.0.0.1:" + server.port() + "/apps/104060")::get)) {
      client.trigger("c", "e", "d");

      assertThat(server.onlyRequest().rawPath()).isEqualTo("/apps/104060/events");
    }
  }

  @Test
  void unsetVariableIsNamed() {
    assertThatThrownBy(() -> ChannelsClient.fromEnv("MY_PUSHER_URL", Map.<String, String>of()::get))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("MY_PUSHER_URL")
        .hasMessageContaining("not set");
  }

  @Test
  void blankVariableIsNamed() {
    assertThatThrownBy(() -> ChannelsClient.fromEnv("PUSHER_URL", Map.of("PUSHER_URL", "  ")::get))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PUSHER_URL");
  }

  @Test
  void badUrlInTheVariableNamesTheVariable() {
    assertThatThrownBy(() -> ChannelsClient.fromEnv("PUSHER_URL", Map.of("PUSHER_URL", "http://key:secret@host/apps")::get))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PUSHER_URL")
        .hasMessageContaining("app id");
  }
}
