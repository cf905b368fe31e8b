package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link ValidationException#setting()}: which builder setting a refusal is about, for integrations. */
class ValidationSettingTest {

  private static ChannelsClient.Builder valid() {
    return ChannelsClient.builder().appId("1").key("k").secret("s").host("127.0.0.1").port(6001).useTls(false);
  }

  /** Each refused at the setter's call: the lambdas never reach {@code build()}. */
  static Stream<Arguments> setterRefusals() {
    return Stream.of(
        Arguments.of("appId", (Supplier<?>) () -> valid().appId(null)),
        Arguments.of("appId", (Supplier<?>) () -> valid().appId("a/b")),
        Arguments.of("key", (Supplier<?>) () -> valid().key("")),
        Arguments.of("secret", (Supplier<?>) () -> valid().secret(null)),
        Arguments.of("cluster", (Supplier<?>) () -> valid().cluster("EU!")),
        Arguments.of("host", (Supplier<?>) () -> valid().host("http://x")),
        Arguments.of("host", (Supplier<?>) () -> valid().host("x:65536")),
        Arguments.of("port", (Supplier<?>) () -> valid().port(0)),
        Arguments.of("timeout", (Supplier<?>) () -> valid().timeout(Duration.ZERO)),
        Arguments.of("connectTimeout", (Supplier<?>) () -> valid().connectTimeout(Duration.ofHours(2))),
        Arguments.of("connectionTimeToLive", (Supplier<?>) () -> valid().connectionTimeToLive(null)),
        Arguments.of("maxDataSize", (Supplier<?>) () -> valid().maxDataSize(0)),
        Arguments.of("maxBatchSize", (Supplier<?>) () -> valid().maxBatchSize(0)),
        Arguments.of("maxConnections", (Supplier<?>) () -> valid().maxConnections(0)),
        Arguments.of("maxResponseSize", (Supplier<?>) () -> valid().maxResponseSize(0)),
        Arguments.of("proxy", (Supplier<?>) () -> valid().proxy("", 8080)),
        Arguments.of("proxy", (Supplier<?>) () -> valid().proxy("p", 0, "user", "password")),
        Arguments.of("proxy", (Supplier<?>) () -> valid().proxy("p", 8080, null, "x")),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<?>) () -> valid().encryptionMasterKeyBase64("not base64!")),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<?>) () -> valid().encryptionMasterKeyBase64("AAAA")),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<?>) () -> valid().encryptionMasterKey(new byte[16])),
        Arguments.of("jsonCodec", (Supplier<?>) () -> valid().jsonCodec(null)),
        Arguments.of("transport", (Supplier<?>) () -> valid().transport(null)),
        Arguments.of("clock", (Supplier<?>) () -> valid().clock(null)),
        Arguments.of("retryPolicy", (Supplier<?>) () -> valid().retryPolicy(null)),
        Arguments.of("sslContext", (Supplier<?>) () -> valid().sslContext(null)),
        Arguments.of("requestListener", (Supplier<?>) () -> valid().requestListener(null)),
        Arguments.of("webhookCredentials", (Supplier<?>) () -> valid().webhookCredentials("k2", "")),
        Arguments.of("url", (Supplier<?>) () -> valid().url("ftp://k:s@h/apps/1")),
        Arguments.of("appId", (Supplier<?>) () -> valid().url("http://k:s@h/apps/a.b")));
  }

  /** Each needs several settings together, so only {@code build()} can refuse it. */
  static Stream<Arguments> buildRefusals() {
    return Stream.of(
        Arguments.of("appId", (Supplier<ChannelsClient.Builder>) () -> ChannelsClient.builder().key("k").secret("s").cluster("eu")),
        Arguments.of("key", (Supplier<ChannelsClient.Builder>) () -> ChannelsClient.builder().appId("1").secret("s").cluster("eu")),
        Arguments.of("secret", (Supplier<ChannelsClient.Builder>) () -> ChannelsClient.builder().appId("1").key("k").cluster("eu")),
        Arguments.of("cluster", (Supplier<ChannelsClient.Builder>) () -> valid().host(null)),
        Arguments.of("port", (Supplier<ChannelsClient.Builder>) () -> valid().host("h:1").port(2)),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<ChannelsClient.Builder>) () -> valid().encryptionMasterKey(new byte[32])
            .encryptionMasterKeyBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")),
        Arguments.of("sslContext", (Supplier<ChannelsClient.Builder>) () -> valid().sslContext(defaultContext())
            .transport(new dev.channels4j.testing.CapturingTransport())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setterRefusals")
  void eachSetterRefusesABadValueAtTheCallNamingItsSetting(String setting, Supplier<?> refused) {
    ValidationException e = catchThrowableOfType(ValidationException.class, refused::get);

    assertThat(e).as("refused").isNotNull();
    assertThat(e.setting()).hasValue(setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buildRefusals")
  void eachBuildRefusalNamesItsSetting(String setting, Supplier<ChannelsClient.Builder> accepted) {
    ChannelsClient.Builder builder = accepted.get();

    ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);

    assertThat(e).as("refused").isNotNull();
    assertThat(e.setting()).hasValue(setting);
  }

  @Test
  void aMissingUrlVariableNamesTheUrlSetting() {
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ChannelsClient.fromEnv("PUSHER_URL", name -> null));

    assertThat(e.setting()).hasValue("url");
  }

  @Test
  void anOperationsArgumentNamesNoSetting() {
    try (ChannelsClient client = valid().build()) {
      ValidationException e = catchThrowableOfType(ValidationException.class, () -> client.trigger("bad channel!", "e", "{}"));

      assertThat(e.setting()).isEmpty();
    }
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
