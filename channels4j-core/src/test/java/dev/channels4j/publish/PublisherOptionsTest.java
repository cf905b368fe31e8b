package dev.channels4j.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.PublisherOptions;
import dev.channels4j.PublisherOptions.Ordering;
import dev.channels4j.ValidationException;
import org.junit.jupiter.api.Test;

/** The options' defaults and the checks on the in-flight window and ordering. */
class PublisherOptionsTest {

  @Test
  void theDefaultWindowAdaptsBetween16And256InPerChannelOrder() {
    PublisherOptions defaults = PublisherOptions.defaults();

    assertThat(defaults.minInFlightRequests()).isEqualTo(16);
    assertThat(defaults.maxInFlightRequests()).isEqualTo(256);
    assertThat(defaults.ordering()).isEqualTo(Ordering.PER_CHANNEL);
  }

  @Test
  void aCeilingBelowTheDefaultFloorMakesAFixedWindowOfTheCeiling() {
    PublisherOptions options = PublisherOptions.builder().maxInFlightRequests(4).build();

    assertThat(options.minInFlightRequests()).isEqualTo(4);
    assertThat(options.maxInFlightRequests()).isEqualTo(4);
  }

  @Test
  void aFloorSetAboveTheCeilingIsRefusedNamingBoth() {
    PublisherOptions.Builder builder = PublisherOptions.builder().minInFlightRequests(64).maxInFlightRequests(32);

    assertThatThrownBy(builder::build).isInstanceOf(ValidationException.class)
        .hasMessageContaining("minInFlightRequests 64").hasMessageContaining("maxInFlightRequests 32");
  }

  @Test
  void aFloorOutOfRangeIsRefusedAtOnce() {
    assertThatThrownBy(() -> PublisherOptions.builder().minInFlightRequests(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("minInFlightRequests");
  }

  @Test
  void aNullOrderingIsRefusedAtOnce() {
    assertThatThrownBy(() -> PublisherOptions.builder().ordering(null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("PER_CHANNEL or NONE");
  }

  @Test
  void toStringShowsTheWindowAndTheOrdering() {
    PublisherOptions options = PublisherOptions.builder().minInFlightRequests(8).maxInFlightRequests(64)
        .ordering(Ordering.NONE).build();

    assertThat(options.toString()).contains("inFlightRequests=8..64").contains("ordering=NONE");
  }
}
