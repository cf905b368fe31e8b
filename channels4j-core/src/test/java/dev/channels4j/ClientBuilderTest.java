package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import dev.channels4j.testing.CapturingTransport;
import dev.channels4j.testing.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The builder fails fast with a message naming the setting: a bad value at its setter, what needs
 * several settings at {@code build()}. The built client calls the right base URI.
 */
class ClientBuilderTest {
  private static final String RAW_32 = "this is 32 bytes 123456789012345";

  private static ChannelsClient.Builder complete() {
    return ChannelsClient.builder().appId("123").key("app-key").secret("sup3r-s3cret").cluster("eu");
  }

  private static void assertBuildFails(ChannelsClient.Builder builder, String... messageParts) {
    ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);
    assertThat(e).as("build() should have failed").isNotNull();
    for (String part : messageParts) {
      assertThat(e.getMessage()).contains(part);
    }
    assertThat(e.getMessage()).doesNotContain("sup3r-s3cret");
  }

  /** The setter call itself throws: nothing is left for {@code build()} to find. */
  private static void assertSetterFails(ThrowingCallable setterCall, String... messageParts) {
    ValidationException e = catchThrowableOfType(ValidationException.class, setterCall);
    assertThat(e).as("the setter should have failed").isNotNull();
    for (String part : messageParts) {
      assertThat(e.getMessage()).contains(part);
    }
    assertThat(e.getMessage()).doesNotContain("sup3r-s3cret");
  }

  // ---- required settings ------------------------------------------------------------------

  @Test
  void missingAppIdIsNamed() {
    assertBuildFails(ChannelsClient.builder().key("app-key").secret("sup3r-s3cret").cluster("eu"), "appId", "missing");
  }

  @Test
  void missingKeyIsNamed() {
    assertBuildFails(ChannelsClient.builder().appId("123").secret("sup3r-s3cret").cluster("eu"), "key", "missing");
  }

  @Test
  void missingSecretIsNamed() {
    assertBuildFails(ChannelsClient.builder().appId("123").key("app-key").cluster("eu"), "secret", "missing");
  }

  @Test
  void neitherClusterNorHostIsNamed() {
    assertBuildFails(ChannelsClient.builder().appId("123").key("app-key").secret("sup3r-s3cret"), "cluster", "host");
  }

  @Test
  void hostWinsOverCluster() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().host("127.0.0.1").port(6001).useTls(false).transport(transport).build()) {
      client.trigger("a", "e", "d");
    }
    assertThat(transport.onlyRequest().origin()).isEqualTo("http://127.0.0.1:6001");
  }

  @Test
  void outOfRangePortIsNamed() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.port(70000), "port", "70000");
  }

  @Test
  void hostWithSchemeIsRejected() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.host("http://example.com"), "host", "no scheme");
  }

  @Test
  void nonPositiveTimeoutIsNamed() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.timeout(Duration.ZERO), "timeout", "positive");
  }

  @Test
  void timeoutOverAnHourIsRefusedNamingTheSetting() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.timeout(Duration.ofHours(1).plusMillis(1)), "timeout", "at most 1 hour");
  }

  @Test
  void connectTimeoutOverAnHourIsRefusedNamingTheSetting() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.connectTimeout(Duration.ofDays(365 * 300)), "connectTimeout", "at most 1 hour");
  }

  @Test
  void timeoutsOfExactlyAnHourAreAccepted() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().timeout(Duration.ofHours(1)).connectTimeout(Duration.ofHours(1))
        .transport(transport).build()) {
      client.trigger("c", "e", "d");
    }

    assertThat(transport.onlyRequest().timeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void appIdWithSlashIsRejected() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.appId("12/3"), "appId", "12/3");
  }

  // ---- encryption master key --------------------------------------------------------------

  @Test
  void rawMasterKeyOfTheWrongLengthIsRejected() {
    byte[] key31 = "this is 31 bytes 12345678901234".getBytes(StandardCharsets.US_ASCII);
    byte[] key33 = "this is 33 bytes 1234567890123456".getBytes(StandardCharsets.US_ASCII);

    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.encryptionMasterKey(key31), "32 bytes", "got 31");
    assertSetterFails(() -> builder.encryptionMasterKey(key33), "32 bytes", "got 33");
  }

  @Test
  void base64MasterKeyOfTheWrongLengthIsRejected() {
    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.encryptionMasterKeyBase64("dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA=="), "32 bytes");
    assertSetterFails(() -> builder.encryptionMasterKeyBase64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU2"), "32 bytes");
  }

  @Test
  void masterKeyThatIsNotBase64IsRejectedWithoutEchoingIt() {
    String bad = "dGhp!yBpcyAzMiBieXRlcy#xMjM0NTY3ODkwMTIzNDU=";

    ChannelsClient.Builder builder = complete();

    assertSetterFails(() -> builder.encryptionMasterKeyBase64(bad), "encryptionMasterKeyBase64", "valid base64");
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> builder.encryptionMasterKeyBase64(bad));
    assertThat(e.getMessage()).doesNotContain(bad);
  }

  @Test
  void bothMasterKeyFormsAreRejected() {
    assertBuildFails(
        complete()
            .encryptionMasterKey(RAW_32.getBytes(StandardCharsets.US_ASCII))
            .encryptionMasterKeyBase64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU="),
        "not both");
  }

  @Test
  void validMasterKeyInEitherFormBuilds() {
    complete().encryptionMasterKey(RAW_32.getBytes(StandardCharsets.US_ASCII)).build().close();
    complete().encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(RAW_32.getBytes(StandardCharsets.US_ASCII)))
        .build().close();
  }

  // ---- where requests go ------------------------------------------------------------------

  @Test
  void clusterTargetsThePusherApiHostOverHttps() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().transport(transport).build()) {
      client.trigger("c", "e", "d");
    }

    assertThat(transport.onlyRequest().uri().toString()).startsWith("https://api-eu.pusher.com:443/apps/123/events?");
  }

  @Test
  void hostWithoutTlsDefaultsToPort80() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().cluster(null).host("127.0.0.1").useTls(false).transport(transport).build()) {
      client.trigger("c", "e", "d");
    }

    assertThat(transport.onlyRequest().uri().toString()).startsWith("http://127.0.0.1:80/apps/123/events?");
  }

  @Test
  void hostWithPortAndTlsUsesBoth() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().cluster(null).host("channels.example.com").port(8443)
        .transport(transport).build()) {
      client.channel("c");
    }

    assertThat(transport.onlyRequest().uri().toString())
        .startsWith("https://channels.example.com:8443/apps/123/channels/c?");
  }

  @Test
  void timeoutIsHandedToTheTransport() {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = complete().timeout(Duration.ofMillis(1234)).transport(transport).build()) {
      client.trigger("c", "e", "d");
    }

    assertThat(transport.onlyRequest().timeout()).isEqualTo(Duration.ofMillis(1234));
  }

  // ---- lifecycle and printing -------------------------------------------------------------

  @Test
  void closeLeavesAGivenTransportOpenForItsOwnerToClose() {
    CapturingTransport transport = new CapturingTransport();
    ChannelsClient client = complete().transport(transport).build();

    client.close();

    assertThat(transport.isClosed()).isFalse();
  }

  @Test
  void closedClientSendsNothingMore() {
    try (RecordingHttpServer server = RecordingHttpServer.start()) {
      ChannelsClient client = TestClients.clientFor(server);
      client.trigger("c", "e", "before");

      client.close();

      assertThatThrownBy(() -> client.trigger("c", "e", "after")).isInstanceOf(TransportException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void toStringHidesSecretAndMasterKey() {
    String masterKey = Base64.getEncoder().encodeToString(RAW_32.getBytes(StandardCharsets.US_ASCII));
    try (ChannelsClient client = complete().encryptionMasterKeyBase64(masterKey).build()) {
      assertThat(client.toString()).contains("app-key").doesNotContain("sup3r-s3cret").doesNotContain(masterKey);
    }
    assertThat(complete().toString()).doesNotContain("sup3r-s3cret");
  }
}
