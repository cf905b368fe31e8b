package dev.channels4j.benchmarks.jmh;

import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import com.pusher.rest.data.Validity;
import dev.channels4j.ChannelsClient;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.webhook.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Webhook verification of a 1 KB body, and end-to-end encryption of 1 KB of data.
 *
 * <p>Note what each side does: channels4j's {@code verifyWebhook} checks the key and the HMAC in
 * constant time and parses the events; pusher-http-java's {@code validateWebhookSignature} only
 * compares the HMAC and parses nothing.
 */
public class WebhookAndCryptoBenchmark extends CpuBenchmark {
  private ChannelsClient client;
  private Fixtures.CapturingPusher pusher;
  private Map<String, List<String>> headers;
  private String signature;
  private String bodyText;
  private ChannelEncryption encryption;
  private CryptoUtil pusherCrypto;

  @Setup
  public void setUp() {
    client = Fixtures.channels4j();
    pusher = new Fixtures.CapturingPusher();
    headers = client.signWebhook(Fixtures.WEBHOOK_BODY);
    signature = headers.get("X-Pusher-Signature").get(0);
    bodyText = new String(Fixtures.WEBHOOK_BODY, StandardCharsets.UTF_8);
    encryption = new ChannelEncryption(Base64.getDecoder().decode(Fixtures.MASTER_KEY_BASE64));
    pusherCrypto = new CryptoUtil(Fixtures.MASTER_KEY_BASE64);
    if (pusher.validateWebhookSignature(Fixtures.KEY, signature, bodyText) != Validity.VALID) {
      throw new IllegalStateException("the fixture webhook does not verify with pusher-http-java");
    }
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public Webhook verifyWebhook1k_channels4j() {
    return client.verifyWebhook(headers, Fixtures.WEBHOOK_BODY);
  }

  @Benchmark
  public Validity verifyWebhook1k_pusherHttpJava() {
    return pusher.validateWebhookSignature(Fixtures.KEY, signature, bodyText);
  }

  @Benchmark
  public ChannelEncryption.Envelope encrypt1k_channels4j() {
    return encryption.encrypt("private-encrypted-room", Fixtures.KILOBYTE);
  }

  @Benchmark
  public EncryptedMessage encrypt1k_pusherHttpJava() {
    return pusherCrypto.encrypt("private-encrypted-room", Fixtures.KILOBYTE);
  }
}
