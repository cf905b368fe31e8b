package dev.channels4j.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PusherUrlTest {

  @Test
  void readsEveryPart() {
    PusherUrl url = PusherUrl.parse("https://app-key:app-secret@api-eu.pusher.com:8443/apps/123", "PUSHER_URL");

    assertThat(url).isEqualTo(new PusherUrl(true, "app-key", "app-secret", "api-eu.pusher.com", 8443, "123"));
  }

  @Test
  void aHostWithUnderscoresIsRead() {
    PusherUrl url = PusherUrl.parse("http://k:s@my_service:6001/apps/1", "URL");

    assertThat(url).isEqualTo(new PusherUrl(false, "k", "s", "my_service", 6001, "1"));
  }

  @Test
  void aUrlWithoutPortHasNone() {
    PusherUrl url = PusherUrl.parse("http://k:s@127.0.0.1/apps/1/", "URL");

    assertThat(url.explicitPort()).isEmpty();
    assertThat(url.appId()).isEqualTo("1");
    assertThat(url.useTls()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', value = {
      "key secret 127.0.0.1 6001 app-id",
      "k+y s/cr@t:x example.com 443 my_app",
      "k%y s%20e my_service 6001 1",
      "key secret [::1] 6001 1"})
  void formatAndParseRoundTrip(String key, String secret, String host, int port, String appId) {
    PusherUrl url = new PusherUrl(false, key, secret, host, port, appId);

    assertThat(PusherUrl.parse(url.format(), "URL")).isEqualTo(url);
  }

  @Test
  void formatWritesTheUsualShape() {
    assertThat(new PusherUrl(false, "app-key", "app-secret", "127.0.0.1", 6001, "app-id").format())
        .isEqualTo("http://app-key:app-secret@127.0.0.1:6001/apps/app-id");
  }

  @Test
  void formatBracketsABareIpv6Host() {
    assertThat(new PusherUrl(false, "k", "s", "::1", 6001, "1").format()).isEqualTo("http://k:s@[::1]:6001/apps/1");
  }

  @Test
  void toStringHidesTheSecret() {
    PusherUrl url = PusherUrl.parse("http://k:sup3r-s3cret@127.0.0.1:6001/apps/1", "URL");

    assertThat(url.toString()).doesNotContain("sup3r-s3cret").contains("k:<hidden>@127.0.0.1:6001");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ftp://k:s@h/apps/1|must start with http:// or https://",
      "http://k:s@h/1|has no app id",
      "http://h/apps/1|has no key:secret",
      "http://k@h/apps/1|both key and secret",
      "http://k:sup3r-s3cret@h h/apps/1|is not a valid URL"})
  void badUrlsAreNamedWithTheirSourceAndNeverEchoTheSecret(String url, String problem) {
    assertThatThrownBy(() -> PusherUrl.parse(url, "--url"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("--url")
        .hasMessageContaining(problem)
        .hasMessageNotContaining("sup3r-s3cret");
  }

  @Test
  void nullIsNamed() {
    assertThatThrownBy(() -> PusherUrl.parse(null, "PUSHER_URL"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("PUSHER_URL must not be null");
  }
}
