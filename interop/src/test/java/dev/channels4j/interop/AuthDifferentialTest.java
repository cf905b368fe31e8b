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
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
    Batch batch = new Batch();
    for (int i = 0; i < Cases.COUNT; i++) {
      App app = App.random(random);
      String masterKey = random.masterKeyBase64();
      String socketId = random.chance(0.1) ? invalidSocketId(random) : random.socketId();
      String channel = random.chance(0.05) ? invalidChannel(random)
          : random.channel(random.pick(List.of("private-", "private-encrypted-")));
      String ours;
      try (ChannelsClient client = app.client(masterKey)) {
        ours = refusedOr(() -> client.authorizeChannel(socketId, channel).toJson());
      }
      batch.add(app.request("channelAuth").put("masterKeyBase64", masterKey).put("socketId", socketId)
          .put("channel", channel), ours, null);
    }
    assertAgreesWithNode("private/encrypted channel auth", batch, (i, theirs) -> compareWhole(batch.ours.get(i), theirs));
  }

  @Test
  void presenceChannelAuthMatchesNode() {
    Cases random = new Cases(Cases.SEED + 11);
    Batch batch = new Batch();
    for (int i = 0; i < Cases.COUNT; i++) {
      App app = App.random(random);
      String socketId = random.socketId();
      String channel = random.channel("presence-");
      PresenceMember member = random.chance(0.2) ? PresenceMember.of(random.userId())
          : PresenceMember.of(random.userId(), random.jsonObject(3));
      ChannelAuthResponse response;
      try (ChannelsClient client = app.client(null)) {
        response = client.authorizePresenceChannel(socketId, channel, member);
      }
      String channelData = response.channelData().orElseThrow();
      AuthSignatures signer = app.signatures();
      batch.add(app.request("channelAuth").put("socketId", socketId).put("channel", channel)
          .put("channelDataJson", channelData), response.toJson(),
          text -> signer.presenceChannel(socketId, channel, text));
      assertThat(Json.sameValue(Json.parse(channelData),
              Json.MAPPER.valueToTree(expectedChannelData(member))))
          .as("our channel_data says who the member is: %s", channelData)
          .isTrue();
    }
    assertAgreesWithNodeOverEitherText("presence channel auth", batch, "channel_data");
  }

  @Test
  void userAuthenticationMatchesNode() {
    Cases random = new Cases(Cases.SEED + 12);
    Batch batch = new Batch();
    for (int i = 0; i < Cases.COUNT; i++) {
      App app = App.random(random);
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
      try (ChannelsClient client = app.client(null)) {
        response = client.authenticateUser(socketId, user);
      }
      AuthSignatures signer = app.signatures();
      batch.add(app.request("userAuth").put("socketId", socketId).put("userDataJson", response.userData()),
          response.toJson(), text -> signer.user(socketId, text));
    }
    assertAgreesWithNodeOverEitherText("user authentication", batch, "user_data");
  }

  /**
   * One test's cases: what Node is asked, what we answered, and how we sign a JSON text of Node's
   * (when the case needs it).
   */
  private static final class Batch {
    final List<ObjectNode> requests = new ArrayList<>();
    final List<String> ours = new ArrayList<>();
    final List<UnaryOperator<String>> resigners = new ArrayList<>();

    void add(ObjectNode request, String ourJson, UnaryOperator<String> resigner) {
      requests.add(request);
      ours.add(ourJson);
      resigners.add(resigner);
    }
  }

  /** A random app's credentials, used alike by our side and Node's for one case. */
  private record App(String key, String secret) {
    static App random(Cases random) {
      return new App(random.alphanumeric(1, 30), random.nonEmptyText(40));
    }

    ChannelsClient client(String masterKeyBase64) {
      return OfflineClient.of(key, secret, masterKeyBase64);
    }

    AuthSignatures signatures() {
      return new AuthSignatures(key, secret);
    }

    /** The case for Node: the kind of answer and these credentials; the test puts the rest. */
    ObjectNode request(String kind) {
      return Json.object().put("kind", kind).put("key", key).put("secret", secret);
    }
  }

  /** Asks Node every case; {@code compare} gets the case's index and Node's answer, and names a difference or gives null. */
  private void assertAgreesWithNode(String what, Batch batch, BiFunction<Integer, JsonNode, String> compare) {
    List<JsonNode> answers = node.ask(batch.requests);
    Disagreements disagreements = new Disagreements(what + " vs pusher 5.3.4");
    for (int i = 0; i < batch.requests.size(); i++) {
      disagreements.check(compare.apply(i, answers.get(i)), batch.requests.get(i));
    }
    disagreements.assertNone();
    assertThat(disagreements.checked()).isEqualTo(Cases.COUNT);
  }

  /**
   * {@link #compareOverSameText} for every case; the random data must produce both identical and
   * differently written texts.
   */
  private void assertAgreesWithNodeOverEitherText(String what, Batch batch, String field) {
    sameText = 0;
    otherText = 0;
    assertAgreesWithNode(what, batch,
        (i, theirs) -> compareOverSameText(batch.ours.get(i), theirs, field, batch.resigners.get(i)));
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
