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

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("appId", (Supplier<?>) () -> valid().appId(null).build()),
        Arguments.of("appId", (Supplier<?>) () -> valid().appId("a/b").build()),
        Arguments.of("key", (Supplier<?>) () -> valid().key("").build()),
        Arguments.of("secret", (Supplier<?>) () -> valid().secret(null).build()),
        Arguments.of("cluster", (Supplier<?>) () -> valid().host(null).build()),
        Arguments.of("cluster", (Supplier<?>) () -> valid().host(null).cluster("EU!").build()),
        Arguments.of("host", (Supplier<?>) () -> valid().host("http://x").build()),
        Arguments.of("port", (Supplier<?>) () -> valid().port(0).build()),
        Arguments.of("port", (Supplier<?>) () -> valid().host("h:1").port(2).build()),
        Arguments.of("timeout", (Supplier<?>) () -> valid().timeout(Duration.ZERO).build()),
        Arguments.of("connectTimeout", (Supplier<?>) () -> valid().connectTimeout(Duration.ofHours(2)).build()),
        Arguments.of("connectionTimeToLive", (Supplier<?>) () -> valid().connectionTimeToLive(null).build()),
        Arguments.of("maxDataSize", (Supplier<?>) () -> valid().maxDataSize(0).build()),
        Arguments.of("maxBatchSize", (Supplier<?>) () -> valid().maxBatchSize(0).build()),
        Arguments.of("maxConnections", (Supplier<?>) () -> valid().maxConnections(0).build()),
        Arguments.of("maxResponseSize", (Supplier<?>) () -> valid().maxResponseSize(0).build()),
        Arguments.of("proxy", (Supplier<?>) () -> valid().proxy("", 8080).build()),
        Arguments.of("proxy", (Supplier<?>) () -> valid().proxy("p", 8080, null, "x")),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<?>) () -> valid().encryptionMasterKeyBase64("not base64!").build()),
        Arguments.of("encryptionMasterKeyBase64", (Supplier<?>) () -> valid().encryptionMasterKeyBase64("AAAA").build()),
        Arguments.of("jsonCodec", (Supplier<?>) () -> valid().jsonCodec(null).build()),
        Arguments.of("clock", (Supplier<?>) () -> valid().clock(null).build()),
        Arguments.of("retryPolicy", (Supplier<?>) () -> valid().retryPolicy(null).build()),
        Arguments.of("sslContext", (Supplier<?>) () -> valid().sslContext(null)),
        Arguments.of("sslContext", (Supplier<?>) () -> valid().sslContext(defaultContext())
            .transport(new dev.channels4j.testing.CapturingTransport()).build()),
        Arguments.of("webhookCredentials", (Supplier<?>) () -> valid().webhookCredentials("k2", "")),
        Arguments.of("url", (Supplier<?>) () -> valid().url("ftp://k:s@h/apps/1")),
        Arguments.of("url", (Supplier<?>) () -> ChannelsClient.fromEnv("PUSHER_URL", name -> null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachBuilderRefusalNamesItsSetting(String setting, Supplier<?> refused) {
    ValidationException e = catchThrowableOfType(ValidationException.class, refused::get);

    assertThat(e).as("refused").isNotNull();
    assertThat(e.setting()).hasValue(setting);
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
