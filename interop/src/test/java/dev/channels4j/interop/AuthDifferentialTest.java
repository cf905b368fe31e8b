package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.auth.ChannelAuthResponse;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserAuthResponse;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.signing.AuthSignatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Channel authorization and user authentication responses compared with the official Node
 * library's {@code authorizeChannel} and {@code authenticateUser}.
 *
 * <p>Presence {@code channel_data} and sign-in {@code user_data} are JSON texts that the
 * signature covers. Each library writes its own text (Jackson and {@code JSON.stringify} differ
 * in escapes, number forms, and JavaScript puts integer-like keys first), and either text is
 * valid as long as it is the one signed. So the Node library is given our text to parse and
 * re-serialize: where its text equals ours, the whole responses must be equal; where it differs,
 * our signer applied to its text must produce its signature.
 */
class AuthDifferentialTest extends DifferentialTest {
  /** How many cases the Node library wrote the same JSON text as we did, and how many not. */
  private int sameText;
  private int otherText;

  @Test
  void privateAndEncryptedChannelAuthMatchesNode() {
    Cases random = new Cases(Cases.SEED + 10);
    List<ObjectNode> cases = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < Cases.COUNT; i++) {
      String key = random.alphanumeric(1, 30);
      String secret = random.nonEmptyText(40);
      String masterKey = random.masterKeyBase64();
      String socketId = random.chance(0.1) ? invalidSocketId(random) : random.socketId();
      String channel = random.chance(0.05) ? invalidChannel(random)
          : random.channel(random.pick(List.of("private-", "private-encrypted-")));
      try (ChannelsClient client = OfflineClient.of(key, secret, masterKey)) {
        ours.add(refusedOr(() -> client.authorizeChannel(socketId, channel).toJson()));
      }
      cases.add(Json.object().put("kind", "channelAuth").put("key", key).put("secret", secret)
          .put("masterKeyBase64", masterKey).put("socketId", socketId).put("channel", channel));
    }
    List<JsonNode> answers = node.ask(cases);

    Disagreements disagreements = new Disagreements("private/encrypted channel auth vs pusher 5.3.4");
    for (int i = 0; i < cases.size(); i++) {
      disagreements.check(compareWhole(ours.get(i), answers.get(i)), cases.get(i));
    }
    disagreements.assertNone();
    assertThat(disagreements.checked()).isEqualTo(Cases.COUNT);
  }

  @Test
  void presenceChannelAuthMatchesNode() {
    Cases random = new Cases(Cases.SEED + 11);
    List<ObjectNode> cases = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    List<AuthSignatures> signers = new ArrayList<>();
    for (int i = 0; i < Cases.COUNT; i++) {
      String key = random.alphanumeric(1, 30);
      String secret = random.nonEmptyText(40);
      String socketId = random.socketId();
      String channel = random.channel("presence-");
      PresenceMember member = random.chance(0.2) ? PresenceMember.of(random.userId())
          : PresenceMember.of(random.userId(), random.jsonObject(3));
      ChannelAuthResponse response;
      try (ChannelsClient client = OfflineClient.of(key, secret, null)) {
        response = client.authorizePresenceChannel(socketId, channel, member);
      }
      ours.add(response.toJson());
      signers.add(new AuthSignatures(key, secret));
      String channelData = response.channelData().orElseThrow();
      cases.add(Json.object().put("kind", "channelAuth").put("key", key).put("secret", secret)
          .put("socketId", socketId).put("channel", channel)
          .put("channelDataJson", channelData));
      assertThat(Json.sameValue(Json.parse(channelData),
              Json.MAPPER.valueToTree(expectedChannelData(member))))
          .as("our channel_data says who the member is: %s", channelData)
          .isTrue();
    }
    List<JsonNode> answers = node.ask(cases);

    sameText = 0;
    otherText = 0;
    Disagreements disagreements = new Disagreements("presence channel auth vs pusher 5.3.4");
    for (int i = 0; i < cases.size(); i++) {
      int index = i;
      disagreements.check(compareOverSameText(ours.get(i), answers.get(i), "channel_data",
          text -> signers.get(index).presenceChannel(
              cases.get(index).get("socketId").asText(), cases.get(index).get("channel").asText(), text)),
          cases.get(i));
    }
    disagreements.assertNone();
    assertThat(disagreements.checked()).isEqualTo(Cases.COUNT);
    assertBothTextPathsCovered();
  }

  @Test
  void userAuthenticationMatchesNode() {
    Cases random = new Cases(Cases.SEED + 12);
    List<ObjectNode> cases = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    List<AuthSignatures> signers = new ArrayList<>();
    for (int i = 0; i < Cases.COUNT; i++) {
      String key = random.alphanumeric(1, 30);
      String secret = random.nonEmptyText(40);
      String socketId = random.socketId();
      UserData user = UserData.of(random.userId());
      if (random.chance(0.7)) {
        user = user.info(random.jsonObject(3));
      }
      if (random.chance(0.3)) {
        List<String> watchlist = new ArrayList<>();
        for (int n = random.between(0, 10); n > 0; n--) {
          watchlist.add(random.userId());
        }
        user = user.watchlist(watchlist);
      }
      UserAuthResponse response;
      try (ChannelsClient client = OfflineClient.of(key, secret, null)) {
        response = client.authenticateUser(socketId, user);
      }
      ours.add(response.toJson());
      signers.add(new AuthSignatures(key, secret));
      cases.add(Json.object().put("kind", "userAuth").put("key", key).put("secret", secret)
          .put("socketId", socketId).put("userDataJson", response.userData()));
    }
    List<JsonNode> answers = node.ask(cases);

    sameText = 0;
    otherText = 0;
    Disagreements disagreements = new Disagreements("user authentication vs pusher 5.3.4");
    for (int i = 0; i < cases.size(); i++) {
      int index = i;
      disagreements.check(compareOverSameText(ours.get(i), answers.get(i), "user_data",
          text -> signers.get(index).user(cases.get(index).get("socketId").asText(), text)),
          cases.get(i));
    }
    disagreements.assertNone();
    assertThat(disagreements.checked()).isEqualTo(Cases.COUNT);
    assertBothTextPathsCovered();
  }

  /** The random data must produce both identical and differently written JSON texts. */
  private void assertBothTextPathsCovered() {
    assertThat(sameText).as("cases where both wrote the same JSON text").isGreaterThan(Cases.COUNT / 10);
    assertThat(otherText).as("cases where the texts differ").isGreaterThan(0);
  }

  /** Both refuse, or both answer the same fields and values. */
  private static String compareWhole(String ours, JsonNode theirs) {
    boolean weRefused = ours.startsWith("refused: ");
    boolean theyRefused = theirs.has("error");
    if (weRefused || theyRefused) {
      return weRefused == theyRefused ? null : "ours " + ours + ", node " + theirs;
    }
    return Json.parse(ours).equals(theirs) ? null : "ours " + ours + ", node " + theirs;
  }

  /**
   * Equal responses when both wrote the same JSON text; otherwise the Node signature must be the
   * one we compute over the Node text.
   */
  private String compareOverSameText(String ours, JsonNode theirs, String field, Function<String, String> ourSigner) {
    if (theirs.has("error")) {
      return "node refused what we accepted: " + theirs.get("error").asText() + "; ours " + ours;
    }
    JsonNode mine = Json.parse(ours);
    String theirText = theirs.path(field).asText();
    if (theirText.equals(mine.path(field).asText())) {
      sameText++;
      return mine.equals(theirs) ? null : "ours " + ours + ", node " + theirs;
    }
    if (!Json.sameValue(Json.parse(theirText), Json.parse(mine.path(field).asText()))) {
      return field + " means something else: ours " + mine.path(field).asText() + ", node " + theirText;
    }
    otherText++;
    String ourSignature = ourSigner.apply(theirText);
    return ourSignature.equals(theirs.path("auth").asText()) ? null
        : "auth over node's " + field + ": ours " + ourSignature + ", node " + theirs.path("auth").asText();
  }

  private static Map<String, Object> expectedChannelData(PresenceMember member) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("user_id", member.userId());
    if (!member.userInfo().isEmpty()) {
      data.put("user_info", member.userInfo());
    }
    return data;
  }

  private static String refusedOr(java.util.function.Supplier<String> call) {
    try {
      return call.get();
    } catch (ValidationException e) {
      return "refused: " + e.getMessage();
    }
  }

  private static String invalidSocketId(Cases random) {
    return random.pick(List.of("", "1", "1.", ".1", "1.2.3", "a.b", " 1.2", "1.2\n", "1,2", "１.２", "-1.2", "1.2 "));
  }

  private static String invalidChannel(Cases random) {
    return random.pick(List.of(
        "private-has space", "private-é", "private-#x", "private-" + "a".repeat(193), "private-a/b", "private-a\nb"));
  }
}
