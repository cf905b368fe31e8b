package dev.channels4j.cli.batch;

import dev.channels4j.ChannelType;
import dev.channels4j.Event;
import dev.channels4j.ValidationException;
import dev.channels4j.cli.CliJson;
import dev.channels4j.internal.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * One line of a batch file, read and checked on its own so that a problem is reported with its
 * line number before anything is sent: either an {@link Event} or the reason it is not one.
 *
 * @param number the line's number, from 1
 * @param event the event, or {@code null} when the line is invalid
 * @param problem why the line is invalid, or {@code null}
 */
record BatchLine(int number, Event event, String problem) {
  private static final Set<String> FIELDS = Set.of("channel", "name", "data", "socket_id");
  // secretbox adds a 16-byte tag; the envelope {"nonce":"<32 chars>","ciphertext":"<b64>"} wraps it.
  private static final int ENVELOPE_OVERHEAD = "{\"nonce\":\"\",\"ciphertext\":\"\"}".length() + 32;

  boolean valid() {
    return problem == null;
  }

  /**
   * Reads a line {@code {"channel":..,"name":..,"data":..}} (with an optional {@code socket_id}).
   * {@code data} that is a JSON string is sent as that string; any other JSON value as its JSON text.
   */
  static BatchLine parse(int number, String text, boolean canEncrypt, int maxDataBytes) {
    Object parsed;
    try {
      parsed = CliJson.parse(text);
    } catch (IllegalArgumentException e) {
      return invalid(number, "not valid JSON: " + dev.channels4j.cli.Inputs.jsonProblem(e.getMessage()));
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      return invalid(number, "not a JSON object; expected {\"channel\":..,\"name\":..,\"data\":..}");
    }
    for (Object field : map.keySet()) {
      if (!FIELDS.contains(field)) {
        return invalid(number, "unknown field \"" + field + "\"; allowed: channel, name, data, socket_id");
      }
    }
    if (!(map.get("channel") instanceof String channel)) {
      return invalid(number, "\"channel\" is missing or not a string");
    }
    if (!(map.get("name") instanceof String name)) {
      return invalid(number, "\"name\" is missing or not a string");
    }
    if (!map.containsKey("data")) {
      return invalid(number, "\"data\" is missing");
    }
    Object socketId = map.get("socket_id");
    if (socketId != null && !(socketId instanceof String)) {
      return invalid(number, "\"socket_id\" must be a string like \"1234.5678\"");
    }
    Object value = map.get("data");
    String data = value instanceof String string ? string : CliJson.write(value);
    try {
      Validation.channelName(channel);
      Validation.eventName(name);
      if (socketId != null) {
        Validation.socketId((String) socketId);
      }
      boolean encrypted = ChannelType.of(channel) == ChannelType.PRIVATE_ENCRYPTED;
      if (encrypted && !canEncrypt) {
        return invalid(number, "channel \"" + channel
            + "\" is encrypted: give --encryption-master-key or set PUSHER_ENCRYPTION_MASTER_KEY");
      }
      Validation.dataSize(sentSize(data, encrypted), maxDataBytes, "event");
    } catch (ValidationException e) {
      return invalid(number, e.getMessage());
    }
    Event event = Event.of(channel, name, data);
    return new BatchLine(number, socketId == null ? event : event.excluding((String) socketId), null);
  }

  static BatchLine invalid(int number, String problem) {
    return new BatchLine(number, null, problem);
  }

  private static int sentSize(String data, boolean encrypted) {
    int plain = data.getBytes(StandardCharsets.UTF_8).length;
    return encrypted ? ENVELOPE_OVERHEAD + 4 * ((plain + 16 + 2) / 3) : plain;
  }
}
