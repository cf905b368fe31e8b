package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public factories users call to build the client's exceptions in their own unit tests. */
class ExceptionFactoriesTest {
  @Test
  void apiExceptionOfCarriesStatusBodyAndRetryAfter() {
    ApiException e = ApiException.of(429, "Too Many Requests", Duration.ofSeconds(2));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.body()).isEqualTo("Too Many Requests");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void apiExceptionOfAClientErrorIsNotRetryable() {
    assertThat(ApiException.of(400, null, null).isRetryable()).isFalse();
    assertThat(ApiException.of(400, null, null).body()).isEmpty();
  }

  @Test
  void apiExceptionOfRefusesAStatusThatIsNotHttp() {
    assertThatThrownBy(() -> ApiException.of(42, "x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 100 and 599");
  }

  @Test
  void transportExceptionOfCarriesKindAndCause() {
    IOException cause = new IOException("reset");
    TransportException e = TransportException.of(TransportException.Kind.CONNECTION_RESET, "connection reset", cause);
    assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_RESET);
    assertThat(e.getCause()).isSameAs(cause);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void transportExceptionOfRefusesANullKind() {
    assertThatThrownBy(() -> TransportException.of(null, "x", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMEOUT");
  }
}
