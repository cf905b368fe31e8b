package dev.channels4j.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.channels4j.protocol.internal.Json;
import java.util.Map;
import java.util.Optional;

/**
 * One message a {@link TestSubscriber} received.
 *
 * <pre>{@code
 * ReceivedEvent e = subscriber.awaitEvent("orders", "created");
 * assertThat(e.dataMap()).containsEntry("id", 42);
 * }</pre>
 *
 * @param event the event name, e.g. {@code created} or {@code pusher_internal:member_added}
 * @param channel the channel, or {@code null} for connection-level messages
 * @param data the data as text: a string's content, or other JSON as JSON text; decrypted on encrypted channels
 * @param userId the top-level {@code user_id} (client events on presence channels), or {@code null}
 * @param raw the whole message as received
 */
public record ReceivedEvent(String event, String channel, String data, String userId, String raw) {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** The data parsed as a JSON object. */
  public Map<String, Object> dataMap() {
    JsonNode node = parseOrNull(data);
    if (node == null || !node.isObject()) {
      throw new AssertionError("data of " + event + " is not a JSON object: " + data);
    }
    return Json.MAPPER.convertValue(node, MAP);
  }

  /** The {@code code} of a {@code pusher:error}, if it has one. */
  public Optional<Integer> errorCode() {
    JsonNode node = parseOrNull(data);
    return node != null && node.path("code").isInt() ? Optional.of(node.get("code").asInt()) : Optional.empty();
  }

  @Override
  public String toString() {
    return raw;
  }

  private static JsonNode parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
