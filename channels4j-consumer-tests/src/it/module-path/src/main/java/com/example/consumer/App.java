package com.example.consumer;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.local.LocalServer;
import dev.channels4j.testkit.TestSubscriber;
import java.util.Map;

/** Exits non-zero (failing the build) unless every check holds on the module path. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    Module core = ChannelsClient.class.getModule();
    Module local = LocalServer.class.getModule();
    check("core is the named module dev.channels4j", "dev.channels4j".equals(core.getName()));
    check("the local server is the module dev.channels4j.local", "dev.channels4j.local".equals(local.getName()));
    for (String api : new String[] {"dev.channels4j", "dev.channels4j.auth", "dev.channels4j.webhook", "dev.channels4j.spi"}) {
      check(api + " is exported", core.isExported(api));
    }
    for (String internal : core.getPackages()) {
      if (internal.startsWith("dev.channels4j.internal")) {
        check(internal + " is not exported to this application", !core.isExported(internal, App.class.getModule()));
      }
    }
    check("internal signing is exported to the local server only", core.isExported("dev.channels4j.internal.signing", local));
    Module testkit = TestSubscriber.class.getModule();
    check("the test kit is the module dev.channels4j.testkit", "dev.channels4j.testkit".equals(testkit.getName()));

    try (LocalServer server = LocalServer.builder().port(0).build().start();
        ChannelsClient client = ChannelsClient.fromUrl(server.pusherUrl());
        ChannelsClient encrypting = ChannelsClient.builder().appId("app-id").key("app-key").secret("app-secret")
            .host("127.0.0.1").port(server.port()).useTls(false)
            .encryptionMasterKeyBase64("ZUhQVldIZzduRkdZVkJzS2pPRkRYV1JyaWJJUjJiMGI=").build()) {
      try (TestSubscriber subscriber = TestSubscriber.connect(server)) {
        subscriber.subscribe("orders");
        client.trigger("orders", "created", Map.of("id", 1));
        check("the test kit's subscriber receives the event",
            Integer.valueOf(1).equals(subscriber.awaitEvent("orders", "created").dataMap().get("id")));
        try {
          // Reaches core's internal crypto through its qualified export to dev.channels4j.testkit.
          subscriber.subscribe("private-encrypted-payments");
          check("an encrypted subscription without Bouncy Castle is refused", false);
        } catch (ValidationException e) {
          check("the test kit names the artifact to add", e.getMessage().contains("org.bouncycastle:bcprov-jdk18on:"));
        }
      }
      try {
        encrypting.trigger("private-encrypted-payments", "paid", Map.of("amount", 1));
        check("an encrypted trigger without Bouncy Castle is refused", false);
      } catch (ValidationException e) {
        check("the refusal names the artifact to add: " + e.getMessage(),
            e.getMessage().contains("org.bouncycastle:bcprov-jdk18on:"));
      }
    }
    System.out.println("module path consumer: all checks passed");
  }

  private static void check(String what, boolean holds) {
    if (!holds) {
      throw new AssertionError("failed: " + what);
    }
    System.out.println("ok: " + what);
  }
}
