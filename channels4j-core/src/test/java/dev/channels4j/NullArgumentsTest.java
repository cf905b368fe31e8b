package dev.channels4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import dev.channels4j.testing.CapturingTransport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code null} argument is a {@link ValidationException} naming the argument, on the blocking
 * and the async side alike (the async side fails its future and never throws); nothing is sent.
 */
class NullArgumentsTest {
  private final CapturingTransport transport = new CapturingTransport();
  private final ChannelsClient client = ChannelsClient.builder()
      .appId("1").key("k").secret("s").host("127.0.0.1").useTls(false).transport(transport).build();

  @AfterEach
  void close() {
    client.close();
  }

  static Stream<Arguments> networkOperations() {
    return Stream.of(
        operation("trigger channel", "channel", c -> c.trigger((String) null, "e", "d"), a -> a.trigger((String) null, "e", "d")),
        operation("trigger event", "event name", c -> c.trigger("c", null, "d"), a -> a.trigger("c", null, "d")),
        operation("trigger channels", "channels", c -> c.trigger((List<String>) null, "e", "d"),
            a -> a.trigger((List<String>) null, "e", "d")),
        operation("trigger channels entry", "channels[0]", c -> c.trigger(Arrays.asList((String) null), "e", "d"),
            a -> a.trigger(Arrays.asList((String) null), "e", "d")),
        operation("trigger Event", "event", c -> c.trigger((Event) null), a -> a.trigger((Event) null)),
        operation("triggerBatch", "events", c -> c.triggerBatch(null), a -> a.triggerBatch(null)),
        operation("sendToUser userId", "userId", c -> c.sendToUser(null, "e", "d"), a -> a.sendToUser(null, "e", "d")),
        operation("sendToUser event", "event", c -> c.sendToUser("u", null, "d"), a -> a.sendToUser("u", null, "d")),
        operation("terminateUserConnections", "userId", c -> c.terminateUserConnections(null),
            a -> a.terminateUserConnections(null)),
        operation("channels", "query", c -> c.channels(null), a -> a.channels(null)),
        operation("channel", "channel", c -> c.channel(null), a -> a.channel(null)),
        operation("channel attributes", "attributes", c -> c.channel("c", (Info[]) null), a -> a.channel("c", (Info[]) null)),
        operation("channel attribute", "attribute", c -> c.channel("c", Info.USER_COUNT, null),
            a -> a.channel("c", Info.USER_COUNT, null)),
        operation("users", "channel", c -> c.users(null), a -> a.users(null)),
        operation("get path", "path", c -> c.get(null, Map.of()), a -> a.get(null, Map.of())),
        operation("get query", "query", c -> c.get("/channels", null), a -> a.get("/channels", null)),
        operation("post path", "path", c -> c.post(null, "{}"), a -> a.post(null, "{}")),
        operation("post body", "body", c -> c.post("/events", null), a -> a.post("/events", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networkOperations")
  void blockingOperationRefusesNullNamingTheArgument(
      String operation, String argument, Consumer<ChannelsClient> blocking, Function<AsyncChannelsClient, CompletableFuture<?>> async) {
    assertThatThrownBy(() -> blocking.accept(client))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(argument + " must not be null");
    assertThat(transport.requests()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networkOperations")
  void asyncOperationFailsItsFutureWithTheSameException(
      String operation, String argument, Consumer<ChannelsClient> blocking, Function<AsyncChannelsClient, CompletableFuture<?>> async) {
    CompletableFuture<?> future = async.apply(client.async());

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(argument + " must not be null");
    assertThat(transport.requests()).isEmpty();
  }

  static Stream<Arguments> localOperations() {
    return Stream.of(
        local("authorizeChannel socketId", "socketId", c -> c.authorizeChannel(null, "private-a")),
        local("authorizeChannel channel", "channel", c -> c.authorizeChannel("1.1", null)),
        local("authorizePresenceChannel socketId", "socketId",
            c -> c.authorizePresenceChannel(null, "presence-a", PresenceMember.of("1"))),
        local("authorizePresenceChannel channel", "channel",
            c -> c.authorizePresenceChannel("1.1", null, PresenceMember.of("1"))),
        local("authorizePresenceChannel member", "member", c -> c.authorizePresenceChannel("1.1", "presence-a", null)),
        local("authenticateUser socketId", "socketId", c -> c.authenticateUser(null, UserData.of("1"))),
        local("authenticateUser user", "user", c -> c.authenticateUser("1.1", null)),
        local("verifyWebhook headers", "headers", c -> c.verifyWebhook(null, new byte[0])),
        local("verifyWebhook body", "body", c -> c.verifyWebhook(Map.of(), null)),
        local("verifyWebhook values body", "body", c -> c.verifyWebhook("k", "sig", null)),
        local("signWebhook", "body", c -> c.signWebhook(null)),
        local("publisher", "options", c -> c.publisher(null)),
        local("sharedSecret", "encryptedChannel", c -> c.sharedSecret(null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("localOperations")
  void localOperationRefusesNullNamingTheArgument(String operation, String argument, Consumer<ChannelsClient> call) {
    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(argument + " must not be null");
  }

  @Test
  void asyncClientHasEveryNetworkOperationOfTheBlockingOne() {
    List<String> local = List.of("authorizeChannel", "authorizePresenceChannel", "authenticateUser", "verifyWebhook",
        "signWebhook", "sharedSecret", "publisher", "async", "close", "builder", "fromUrl", "fromEnv");
    for (var method : ChannelsClient.class.getMethods()) {
      if (method.getDeclaringClass() != ChannelsClient.class || local.contains(method.getName())
          || java.lang.reflect.Modifier.isStatic(method.getModifiers()) || method.getName().equals("toString")) {
        continue;
      }
      assertThat(AsyncChannelsClient.class.getMethods())
          .as("async counterpart of %s", method)
          .anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(method.getName());
            assertThat(m.getParameterTypes()).isEqualTo(method.getParameterTypes());
            assertThat(m.getReturnType()).isEqualTo(CompletableFuture.class);
          });
    }
  }

  private static Arguments operation(String name, String argument, Consumer<ChannelsClient> blocking,
      Function<AsyncChannelsClient, CompletableFuture<?>> async) {
    return Arguments.of(name, argument, blocking, async);
  }

  private static Arguments local(String name, String argument, Consumer<ChannelsClient> call) {
    return Arguments.of(name, argument, call);
  }
}
