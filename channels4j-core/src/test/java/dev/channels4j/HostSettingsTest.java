package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.testing.CapturingTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** host(...) takes a port, underscores and IPv6, and refuses other shapes at the call; it wins over cluster(...). */
class HostSettingsTest {

  private static ChannelsClient.Builder app() {
    return ChannelsClient.builder().appId("123").key("app-key").secret("sup3r-s3cret");
  }

  /** The origin a client built this way sends its requests to. */
  private static String originOf(ChannelsClient.Builder builder) {
    CapturingTransport transport = new CapturingTransport();
    try (ChannelsClient client = builder.transport(transport).build()) {
      client.trigger("a", "e", "d");
    }
    return transport.onlyRequest().origin();
  }

  @Test
  void hostMayCarryThePort() {
    assertThat(originOf(app().host("example.com:6001").useTls(false))).isEqualTo("http://example.com:6001");
  }

  @Test
  void hostWithPortAndTheSamePortSetAgainIsFine() {
    assertThat(originOf(app().host("example.com:6001").port(6001))).isEqualTo("https://example.com:6001");
  }

  @Test
  void hostWithPortAndADifferentPortIsAClearError() {
    assertThatThrownBy(() -> app().host("example.com:6001").port(7000).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("6001")
        .hasMessageContaining("7000")
        .hasMessageContaining("once");
  }

  @Test
  void bracketedIpv6HostMayCarryThePort() {
    assertThat(originOf(app().host("[::1]:6001").useTls(false))).isEqualTo("http://[::1]:6001");
  }

  @Test
  void hostNamesMayHoldUnderscores() {
    assertThat(originOf(app().host("my_service").port(6001).useTls(false))).isEqualTo("http://my_service:6001");
    assertThat(originOf(app().host("channels_local:6001").useTls(false))).isEqualTo("http://channels_local:6001");
  }

  @Test
  void hostWinsOverClusterWhicheverIsSetFirst() {
    assertThat(originOf(app().cluster("eu").host("127.0.0.1:6001").useTls(false))).isEqualTo("http://127.0.0.1:6001");
    assertThat(originOf(app().host("127.0.0.1:6001").cluster("eu").useTls(false))).isEqualTo("http://127.0.0.1:6001");
  }

  @Test
  void anInvalidClusterIsRefusedAtTheCallEvenWithAHostSet() {
    ChannelsClient.Builder builder = app().host("127.0.0.1:6001");

    assertThatThrownBy(() -> builder.cluster("not a cluster"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cluster \"not a cluster\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com:0", "example.com:65536", "example.com:99999"})
  void portInTheHostIsRangeCheckedAtTheCall(String host) {
    ChannelsClient.Builder builder = app();

    assertThatThrownBy(() -> builder.host(host))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("port must be between 1 and 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "example.com/path", "example.com:", "example.com:port", ":6001",
      "a b", "example.com:6001:7000", "::1"})
  void otherHostShapesAreRefusedAtTheCallNamingTheHost(String host) {
    ChannelsClient.Builder builder = app();

    assertThatThrownBy(() -> builder.host(host))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("host \"" + host + "\"");
  }
}
