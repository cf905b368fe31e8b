package dev.channels4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.ChannelsClient;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.spi.TransportRequest;
import dev.channels4j.spi.TransportResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * End-to-end encryption both ways with the official Node library: our envelopes opened by
 * tweetnacl's {@code secretbox.open} under the library's {@code channelSharedSecret}, and the
 * library's envelopes (built by its own trigger path) opened by us.
 */
class EncryptionDifferentialTest extends DifferentialTest {
  private static final Base64.Decoder BASE64 = Base64.getDecoder();


  @Test
  void nodeOpensOurEnvelopesAndRefusesTamperedOnes() {
    Cases random = new Cases(Cases.SEED + 30);
    List<ObjectNode> cases = new ArrayList<>();
    List<byte[]> plaintexts = new ArrayList<>();
    List<String> sharedSecrets = new ArrayList<>();
    List<Boolean> tampered = new ArrayList<>();
    for (int i = 0; i < Cases.COUNT; i++) {
      String masterKey = random.masterKeyBase64();
      String channel = random.channel("private-encrypted-");
      ChannelEncryption.Envelope envelope;
      byte[] plaintext;
      if (random.chance(0.5)) {
        // Any bytes, of many sizes, straight through the cipher.
        plaintext = random.bytes(random.size(20_000));
        envelope = new ChannelEncryption(BASE64.decode(masterKey)).encrypt(channel, plaintext);
      } else {
        // The public path: trigger(...) encodes the data, encrypts it and puts the envelope in the body.
        Object data = random.chance(0.3) ? random.text(random.size(5_000)) : random.jsonObject(3);
        plaintext = (data instanceof String text ? text : Json.write(data)).getBytes(StandardCharsets.UTF_8);
        envelope = envelopeSentByTrigger(masterKey, channel, data);
      }
      boolean tamper = random.chance(0.1);
      String ciphertext = tamper ? flipOneBit(random, envelope.ciphertext()) : envelope.ciphertext();
      plaintexts.add(plaintext);
      tampered.add(tamper);
      sharedSecrets.add(new ChannelEncryption(BASE64.decode(masterKey)).sharedSecretBase64(channel));
      cases.add(Json.object().put("kind", "open").put("key", "k").put("secret", "s")
          .put("masterKeyBase64", masterKey).put("channel", channel)
          .put("nonce", envelope.nonce()).put("ciphertext", ciphertext));
    }
    List<JsonNode> answers = node.ask(cases);

    Disagreements disagreements = new Disagreements("our envelopes opened by pusher 5.3.4 + tweetnacl");
    for (int i = 0; i < cases.size(); i++) {
      JsonNode theirs = answers.get(i);
      String problem;
      if (!theirs.path("sharedSecret").asText().equals(sharedSecrets.get(i))) {
        problem = "shared secret: ours " + sharedSecrets.get(i) + ", node " + theirs.path("sharedSecret").asText();
      } else if (tampered.get(i)) {
        problem = theirs.get("plaintext").isNull() ? null : "node opened a tampered envelope";
      } else if (theirs.get("plaintext").isNull()) {
        problem = "node could not open our envelope";
      } else {
        problem = Arrays.equals(BASE64.decode(theirs.get("plaintext").asText()), plaintexts.get(i)) ? null
            : "node opened different plaintext";
      }
      disagreements.check(problem, cases.get(i));
    }
    disagreements.assertNone();
    assertThat(tampered).contains(true, false);
  }

  @Test
  void weOpenNodeEnvelopesAndRefuseTamperedOnes() {
    Cases random = new Cases(Cases.SEED + 31);
    List<ObjectNode> cases = new ArrayList<>();
    for (int i = 0; i < Cases.COUNT; i++) {
      ObjectNode c = Json.object().put("kind", "encrypt").put("key", "k").put("secret", "s")
          .put("masterKeyBase64", random.masterKeyBase64()).put("channel", random.channel("private-encrypted-"))
          .put("event", random.nonEmptyText(20));
      c.set("data", Json.MAPPER.valueToTree(random.chance(0.3) ? random.text(random.size(5_000)) : random.jsonObject(3)));
      cases.add(c);
    }
    List<JsonNode> answers = node.ask(cases);

    Disagreements disagreements = new Disagreements("pusher 5.3.4 envelopes opened by us");
    int tamperedChecked = 0;
    for (int i = 0; i < cases.size(); i++) {
      ObjectNode c = cases.get(i);
      JsonNode envelope = Json.parse(answers.get(i).get("envelope").asText());
      ChannelEncryption ours = new ChannelEncryption(BASE64.decode(c.get("masterKeyBase64").asText()));
      String channel = c.get("channel").asText();
      String problem;
      try {
        byte[] opened = ours.decrypt(channel, envelope.get("nonce").asText(), envelope.get("ciphertext").asText());
        problem = Arrays.equals(opened, answers.get(i).get("plaintext").asText().getBytes(StandardCharsets.UTF_8)) ? null
            : "we opened different plaintext: " + new String(opened, StandardCharsets.UTF_8);
      } catch (ChannelEncryption.DecryptionException e) {
        problem = "we could not open node's envelope: " + e.getMessage();
      }
      if (problem == null && i % 10 == 0) {
        tamperedChecked++;
        try {
          ours.decrypt(channel, envelope.get("nonce").asText(), flipOneBit(random, envelope.get("ciphertext").asText()));
          problem = "we opened a tampered copy of node's envelope";
        } catch (ChannelEncryption.DecryptionException expected) {
          // Refused, as it must be.
        }
      }
      ObjectNode reported = Json.object().setAll(c);
      reported.set("answer", answers.get(i));
      disagreements.check(problem, reported);
    }
    disagreements.assertNone();
    assertThat(tamperedChecked).isGreaterThan(0);
  }

  /** The envelope our client puts in the body of an encrypted trigger. */
  private static ChannelEncryption.Envelope envelopeSentByTrigger(String masterKey, String channel, Object data) {
    List<TransportRequest> sent = new ArrayList<>();
    try (ChannelsClient client = ChannelsClient.builder()
        .appId("interop").key("k").secret("s").host("127.0.0.1").useTls(false)
        .encryptionMasterKeyBase64(masterKey).maxDataSize(64 * 1024)
        .transport(request -> {
          sent.add(request);
          return CompletableFuture.completedFuture(new TransportResponse(200, "{}".getBytes(StandardCharsets.UTF_8)));
        })
        .build()) {
      client.trigger(channel, "e", data);
    }
    JsonNode body = Json.parse(new String(sent.get(0).body(), StandardCharsets.UTF_8));
    JsonNode envelope = Json.parse(body.get("data").asText());
    return new ChannelEncryption.Envelope(envelope.get("nonce").asText(), envelope.get("ciphertext").asText());
  }

  private static String flipOneBit(Cases random, String base64) {
    byte[] bytes = BASE64.decode(base64);
    int at = random.between(0, bytes.length - 1);
    bytes[at] ^= (byte) (1 << random.between(0, 7));
    return Base64.getEncoder().encodeToString(bytes);
  }
}
