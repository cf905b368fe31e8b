package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.ChannelsClient;
import dev.channels4j.WebhookVerificationException;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.signing.Hashing;
import dev.channels4j.webhook.Webhook;
import dev.channels4j.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook verification verdicts compared with the official Node library's
 * {@code webhook(...).isValid()}, on genuine webhooks and on tampered copies of them. Both must
 * reach the right verdict, and on genuine ones read the same events.
 *
 * <p>Known differences, kept out of the random cases: the Node library also requires
 * {@code Content-Type: application/json} (we do not look at the content type, every case sends
 * it); we accept upper-case hex signatures and trim header whitespace, it does not (Pusher sends
 * lower-case hex without padding); it throws instead of answering false when the signature header
 * is missing (counted as a refusal).
 */
class WebhookDifferentialTest extends DifferentialTest {
  private static final List<String> TAMPERINGS = List.of(
      "changed character", "appended whitespace", "other secret", "flipped hex digit", "other key",
      "no signature", "no key", "truncated signature", "signature of another body");


  @Test
  void verdictsAgreeWithNodeOnGenuineAndTamperedWebhooks() {
    Cases random = new Cases(Cases.SEED + 20);
    List<ObjectNode> cases = new ArrayList<>();
    List<String> ourVerdicts = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    String previousBody = "{\"time_ms\":0,\"events\":[]}";
    for (int i = 0; i < Cases.COUNT; i++) {
      String key = random.alphanumeric(1, 30);
      String secret = random.nonEmptyText(40);
      String masterKey = random.masterKeyBase64();
      String body = Json.write(webhookBody(random, new ChannelEncryption(Base64.getDecoder().decode(masterKey))));
      try (ChannelsClient client = OfflineClient.of(key, secret, masterKey)) {
        // Every webhook is checked genuine, then as one tampered copy.
        for (String tampering : List.of("genuine", random.pick(TAMPERINGS))) {
          Map<String, String> headers = new LinkedHashMap<>();
          client.signWebhook(body.getBytes(StandardCharsets.UTF_8)).forEach((name, values) -> headers.put(name, values.get(0)));
          headers.put("Content-Type", "application/json");
          String sentBody = tamper(random, tampering, body, previousBody, headers, key);
          expected.add(tampering.equals("genuine") ? "valid" : "refused");
          ourVerdicts.add(verify(client, headers, sentBody));
          ObjectNode c = Json.object().put("kind", "webhook").put("key", key).put("secret", secret)
              .put("body", sentBody).put("tampering", tampering);
          ObjectNode lowerCase = c.putObject("headers");
          headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), value));
          cases.add(c);
        }
      }
      previousBody = body;
    }
    List<JsonNode> answers = node.ask(cases);

    Disagreements disagreements = new Disagreements("webhook verdicts vs pusher 5.3.4");
    for (int i = 0; i < cases.size(); i++) {
      JsonNode theirs = answers.get(i);
      String nodeVerdict = theirs.path("valid").asBoolean() ? "valid" : "refused";
      String ours = ourVerdicts.get(i);
      String problem = null;
      if (!ours.startsWith(expected.get(i)) || !nodeVerdict.equals(expected.get(i))) {
        problem = "expected " + expected.get(i) + "; ours " + ours + ", node " + theirs;
      } else if (nodeVerdict.equals("valid") && !ours.equals("valid " + eventSummary(theirs.get("events")))) {
        problem = "different events; ours " + ours + ", node " + eventSummary(theirs.get("events"));
      }
      disagreements.check(problem, cases.get(i));
    }
    disagreements.assertNone();
    assertThat(disagreements.checked()).isEqualTo(2 * Cases.COUNT);
  }

  /** "valid [name channel, ...]" or "refused: why". */
  private static String verify(ChannelsClient client, Map<String, String> headers, String body) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    headers.forEach((name, value) -> multi.put(name, List.of(value)));
    try {
      Webhook webhook = client.verifyWebhook(multi, body.getBytes(StandardCharsets.UTF_8));
      return "valid " + webhook.events().stream().map(e -> e.name() + " " + e.channel() + detail(e)).toList();
    } catch (WebhookVerificationException e) {
      return "refused: " + e.getMessage();
    }
  }

  private static String detail(WebhookEvent event) {
    if (event instanceof WebhookEvent.MemberAdded added) {
      return " " + added.userId();
    }
    if (event instanceof WebhookEvent.MemberRemoved removed) {
      return " " + removed.userId();
    }
    if (event instanceof WebhookEvent.ClientEvent clientEvent) {
      return " " + clientEvent.event();
    }
    return "";
  }

  private static String eventSummary(JsonNode events) {
    List<String> summary = new ArrayList<>();
    for (JsonNode event : events) {
      String name = event.path("name").asText();
      String detail = switch (name) {
        case "member_added", "member_removed" -> " " + event.path("user_id").asText();
        case "client_event" -> " " + event.path("event").asText();
        default -> "";
      };
      summary.add(name + " " + event.path("channel").asText() + detail);
    }
    return summary.toString();
  }

  private static String tamper(Cases random, String tampering, String body, String previousBody,
      Map<String, String> headers, String key) {
    switch (tampering) {
      case "genuine":
        return body;
      case "changed character": {
        int at = random.between(0, body.length() - 1);
        char original = body.charAt(at);
        if (Character.isSurrogate(original)) {
          return body.substring(0, at) + "#" + body.substring(Character.isHighSurrogate(original) ? at + 2 : at + 1);
        }
        return body.substring(0, at) + (original == 'a' ? 'b' : 'a') + body.substring(at + 1);
      }
      case "appended whitespace":
        return body + " ";
      case "other secret":
        headers.put("X-Pusher-Signature", Hashing.hmacSha256Hex(random.nonEmptyText(20) + "!", body.getBytes(StandardCharsets.UTF_8)));
        return body;
      case "flipped hex digit": {
        String signature = headers.get("X-Pusher-Signature");
        int at = random.between(0, signature.length() - 1);
        char flipped = signature.charAt(at) == 'f' ? '0' : Character.forDigit(Character.digit(signature.charAt(at), 16) + 1, 16);
        headers.put("X-Pusher-Signature", signature.substring(0, at) + flipped + signature.substring(at + 1));
        return body;
      }
      case "other key":
        headers.put("X-Pusher-Key", key + random.alphanumeric(1, 3));
        return body;
      case "no signature":
        headers.remove("X-Pusher-Signature");
        return body;
      case "no key":
        headers.remove("X-Pusher-Key");
        return body;
      case "truncated signature":
        headers.put("X-Pusher-Signature", headers.get("X-Pusher-Signature").substring(0, random.between(0, 63)));
        return body;
      case "signature of another body":
        return previousBody.equals(body) ? body + "\n" : previousBody;
      default:
        throw new IllegalArgumentException(tampering);
    }
  }

  /** A webhook body as Pusher sends it, with one to five events of every kind. */
  private static Map<String, Object> webhookBody(Cases random, ChannelEncryption encryption) {
    List<Object> events = new ArrayList<>();
    for (int n = random.between(1, 5); n > 0; n--) {
      Map<String, Object> event = new LinkedHashMap<>();
      String kind = random.pick(List.of("channel_occupied", "channel_vacated", "member_added", "member_removed",
          "client_event", "cache_miss", "subscription_count"));
      event.put("name", kind);
      switch (kind) {
        case "member_added", "member_removed" -> {
          event.put("channel", random.channel("presence-"));
          event.put("user_id", random.userId());
        }
        case "client_event" -> {
          String channel = random.channel(random.pick(List.of("private-", "presence-", "private-encrypted-")));
          String data = Json.write(random.jsonObject(2));
          if (channel.startsWith("private-encrypted-")) {
            data = encryption.encrypt(channel, data.getBytes(StandardCharsets.UTF_8)).toJson();
          }
          event.put("channel", channel);
          event.put("event", "client-" + random.nonEmptyText(20));
          event.put("data", data);
          event.put("socket_id", random.socketId());
          if (channel.startsWith("presence-")) {
            event.put("user_id", random.userId());
          }
        }
        case "subscription_count" -> {
          event.put("channel", random.channel(""));
          event.put("subscription_count", random.between(0, 100_000));
        }
        default -> event.put("channel", random.channel(random.pick(List.of("", "private-", "presence-", "cache-"))));
      }
      events.add(event);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("time_ms", random.between(0, Integer.MAX_VALUE) * 1000L + random.between(0, 999));
    body.put("events", events);
    return body;
  }
}
