package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testkit.LocalChannelsTest;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first test kit example: a local server, a client for it, a subscriber. */
@LocalChannelsTest
class RoundTripTest {
  @Test
  void publishedEventReachesTheSubscriber(ChannelsClient client, TestSubscriber subscriber) {
    subscriber.subscribe("private-orders");
    client.trigger("private-orders", "created", Map.of("id", 42));
    assertEquals(42, subscriber.awaitEvent("private-orders", "created").dataMap().get("id"));
  }
}
