package dev.channels4j.internal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which waiting events go into which batch: oldest lane first, per-channel order when asked. */
class LanesTest {

  @Test
  void aBatchTakesOldestLanesFirstUntilFull() {
    Lanes<String> lanes = new Lanes<>(true);
    lanes.add("a", "a1");
    lanes.add("b", "b1");
    lanes.add("a", "a2");
    lanes.add("c", "c1");

    assertThat(lanes.take(3).events()).containsExactly("a1", "a2", "b1");
    assertThat(lanes.take(3).events()).containsExactly("c1");
  }

  @Test
  void nothingIsTakenWhenNoEventIsReady() {
    Lanes<String> lanes = new Lanes<>(true);

    assertThat(lanes.take(10)).isNull();
  }

  @Test
  void whenOrderedAChannelsNewerEventsWaitUntilItsBatchFinishes() {
    Lanes<String> lanes = new Lanes<>(true);
    lanes.add("a", "a1");
    lanes.add("a", "a2");
    Lanes.Batch<String> first = lanes.take(1);
    lanes.add("a", "a3");

    assertThat(lanes.ready()).isZero();
    assertThat(lanes.queued()).isEqualTo(2);
    assertThat(lanes.take(10)).isNull();

    lanes.finished(first);
    assertThat(lanes.ready()).isEqualTo(2);
    assertThat(lanes.take(10).events()).containsExactly("a2", "a3");
  }

  @Test
  void whenOrderedABusyChannelDoesNotHoldBackTheOthers() {
    Lanes<String> lanes = new Lanes<>(true);
    lanes.add("a", "a1");
    lanes.take(10);
    lanes.add("a", "a2");
    lanes.add("b", "b1");

    assertThat(lanes.take(10).events()).containsExactly("b1");
  }

  @Test
  void whenNotOrderedOneChannelMayFillSeveralBatchesAtOnce() {
    Lanes<String> lanes = new Lanes<>(false);
    for (int i = 1; i <= 5; i++) {
      lanes.add("hot", "h" + i);
    }

    assertThat(lanes.take(2).events()).containsExactly("h1", "h2");
    assertThat(lanes.take(2).events()).containsExactly("h3", "h4");
    assertThat(lanes.take(2).events()).containsExactly("h5");
    assertThat(lanes.queued()).isZero();
  }

  @Test
  void whenNotOrderedAHotChannelTakesTurnsWithTheOthers() {
    Lanes<String> lanes = new Lanes<>(false);
    for (int i = 1; i <= 4; i++) {
      lanes.add("hot", "h" + i);
    }
    lanes.add("cold", "c1");

    assertThat(lanes.take(2).events()).containsExactly("h1", "h2");
    assertThat(lanes.take(2).events()).containsExactly("c1", "h3");
  }

  @Test
  void countsFollowWhatIsAddedAndTaken() {
    Lanes<String> lanes = new Lanes<>(true);
    lanes.add("a", "a1");
    lanes.add("b", "b1");
    lanes.add("b", "b2");
    assertThat(lanes.queued()).isEqualTo(3);
    assertThat(lanes.ready()).isEqualTo(3);

    lanes.take(2);

    assertThat(lanes.queued()).isEqualTo(1);
    assertThat(lanes.ready()).isZero(); // b2 waits for the batch that carries b1
  }

  @Test
  void removeAllReturnsEveryQueuedEventAndLeavesNothingReady() {
    Lanes<String> lanes = new Lanes<>(true);
    lanes.add("a", "a1");
    Lanes.Batch<String> inFlight = lanes.take(10);
    lanes.add("a", "a2");
    lanes.add("b", "b1");

    assertThat(lanes.removeAll()).containsExactlyInAnyOrder("a2", "b1");
    assertThat(lanes.queued()).isZero();
    lanes.finished(inFlight);
    assertThat(lanes.take(10)).isNull();
  }
}
