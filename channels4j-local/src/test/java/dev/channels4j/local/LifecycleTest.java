package dev.channels4j.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.testsupport.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  /** Threads of the JVM and of the test's own JDK WebSocket client, which outlive any one server. */
  private static final Pattern NOT_THE_SERVERS = Pattern.compile(
      "HttpClient-|ForkJoinPool|process reaper|Attach Listener|Common-Cleaner|surefire|junit|Reference Handler|Finalizer");

  private static Set<Thread> serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith(LocalServer.THREAD_PREFIX) || t.getName().startsWith("httpclient-"))
        .collect(Collectors.toSet());
  }

  private static Set<Thread> threadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !before.contains(t))
        .filter(t -> !NOT_THE_SERVERS.matcher(t.getName()).lookingAt())
        .collect(Collectors.toSet());
  }

  private static void awaitNoServerThreads(Set<Thread> before) {
    Await.within(() -> serverThreads().isEmpty() && threadsStartedSince(before).isEmpty(), Duration.ofSeconds(5));
    assertThat(serverThreads()).extracting(Thread::getName).isEmpty();
    assertThat(threadsStartedSince(before)).extracting(Thread::getName).as("threads of any name left behind").isEmpty();
  }

  /** Runs a server through connections, an API call and a webhook, so that every kind of thread starts. */
  private static int exercise(int port) throws Exception {
    try (WebhookReceiver hooks = WebhookReceiver.ok();
        LocalServer server = LocalServer.builder().port(port).webhookUrl(hooks.url()).build().start();
        ChannelsClient client = server.newClient();
        Peer subscriber = Peer.connect(server, client)) {
      subscriber.subscribe("lifecycle");
      client.trigger("lifecycle", "e", "d");
      subscriber.awaitEvent("lifecycle", "e");
      hooks.next();
      assertThat(serverThreads()).isNotEmpty();
      return server.port();
    }
  }

  @Test
  void stopAndRestartOnTheSamePortLeaksNoThreadsOrPorts() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    int port = exercise(0);
    awaitNoServerThreads(before);
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(probe.getLocalPort()).isEqualTo(port);
    }
    assertThat(exercise(port)).isEqualTo(port);
    awaitNoServerThreads(before);
  }

  @Test
  void closeTellsConnectionsWith4200() {
    LocalServer server = LocalServer.builder().port(0).build().start();
    try (Peer subscriber = Peer.connect(server)) {
      server.close();
      assertThat(subscriber.awaitClose().code()).isEqualTo(4200);
    } finally {
      server.close();
    }
  }

  @Test
  void busyPortFailsWithMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LocalServer server = LocalServer.builder().port(taken.getLocalPort()).build();
      assertThatThrownBy(server::start).hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      server.close();
    }
  }

  @Test
  void busyPortNamesTheFlagThatPicksAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LocalServer server = LocalServer.builder().port(taken.getLocalPort()).build();
      assertThatThrownBy(server::start).hasMessageContaining("pick another with --port");
      server.close();
    }
  }

  @Test
  void serverStartsOnlyOnce() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void pusherUrlNamesTheDefaultApp() {
    try (LocalServer server = LocalServer.builder().port(0).build().start()) {
      assertThat(server.pusherUrl()).isEqualTo("http://app-key:app-secret@127.0.0.1:" + server.port() + "/apps/app-id");
    }
  }

  @Test
  void duplicateAppIdsAreRefused() {
    assertThatThrownBy(() -> LocalServer.builder().app(LocalApp.builder().key("other").build()).build())
        .hasMessageContaining("two apps have the id app-id");
  }

  @Test
  void appToStringHidesSecret() {
    assertThat(LocalApp.builder().secret("s3cr3t-value").build().toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void secondAppIsServedByItsOwnIdAndKey() {
    LocalApp second = LocalApp.builder().id("second").key("second-key").secret("second-secret").build();
    try (LocalServer server = LocalServer.builder().port(0).app(second).build().start();
        ChannelsClient client = server.newClient("second");
        Peer subscriber = Peer.connect(server.webSocketUri("second"), null, client)) {
      subscriber.subscribe("private-app2");
      client.trigger("private-app2", "e", "d");
      subscriber.awaitEvent("private-app2", "e");
      assertThat(server.app("second").channels()).containsExactly("private-app2");
      assertThat(server.app().channels()).isEmpty();
    }
  }

  @Test
  void disabledAppAnswers403AndRefusesConnectionsWith4003() throws Exception {
    LocalApp off = LocalApp.builder().id("off").key("off-key").secret("off-secret").enabled(false).build();
    try (LocalServer server = LocalServer.builder().port(0).app(off).build().start()) {
      var response = new RawApi(server).credentials("off-key", "off-secret")
          .post("/apps/off/events", "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThatThrownBy(() -> Peer.connect(server.webSocketUri("off"), null, null))
          .hasMessageContaining("4003");
    }
  }

  @Test
  void keyOfAnotherAppIsRefused() {
    LocalApp second = LocalApp.builder().id("second").key("second-key").secret("second-secret").build();
    try (LocalServer server = LocalServer.builder().port(0).app(second).build().start()) {
      var response = new RawApi(server).credentials("second-key", "second-secret")
          .post("/apps/app-id/events", "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"d\"}");
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("does not belong to app app-id");
    }
  }
}
