package dev.channels4j.interop;

import dev.channels4j.ChannelsClient;
import java.util.concurrent.CompletableFuture;

/** Our client with a transport that refuses to send: for the operations that need no network. */
final class OfflineClient {
  private OfflineClient() {}

  static ChannelsClient of(String key, String secret, String masterKeyBase64) {
    return ChannelsClient.builder()
        .appId("interop").key(key).secret(secret).host("127.0.0.1").useTls(false)
        .encryptionMasterKeyBase64(masterKeyBase64)
        .transport(request -> CompletableFuture.failedFuture(
            new IllegalStateException("the differential tests never send requests")))
        .build();
  }
}
