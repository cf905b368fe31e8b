package dev.channels4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginTest {

  @Test
  void aHostNameWithUnderscoresIsReadFromTheAuthority() {
    Origin origin = Origin.of("http://my_service:6001");

    assertThat(origin.host.getHostName()).isEqualTo("my_service");
    assertThat(origin.host.getPort()).isEqualTo(6001);
    assertThat(origin.host.getSchemeName()).isEqualTo("http");
  }

  @Test
  void anOrdinaryHostIsReadAsBefore() {
    Origin origin = Origin.of("https://api-eu.pusher.com:443");

    assertThat(origin.host.getHostName()).isEqualTo("api-eu.pusher.com");
    assertThat(origin.host.getPort()).isEqualTo(443);
  }
}
