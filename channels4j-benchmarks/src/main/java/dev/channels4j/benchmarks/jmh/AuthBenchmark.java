package dev.channels4j.benchmarks.jmh;

import com.pusher.rest.data.PresenceUser;
import dev.channels4j.ChannelsClient;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** The answers to subscription and sign-in requests: pure CPU, called once per browser request. */
public class AuthBenchmark extends CpuBenchmark {
  private ChannelsClient client;
  private Fixtures.CapturingPusher pusher;
  private PresenceMember member;
  private PresenceUser presenceUser;
  private UserData user;

  @Setup
  public void setUp() {
    client = Fixtures.channels4j();
    pusher = new Fixtures.CapturingPusher();
    member = PresenceMember.of("7", Fixtures.USER_INFO);
    presenceUser = new PresenceUser("7", Fixtures.USER_INFO);
    user = UserData.of("7").info(Fixtures.USER_INFO);
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  @Benchmark
  public String authorizeChannel_channels4j() {
    return client.authorizeChannel(Fixtures.SOCKET_ID, "private-room").toJson();
  }

  @Benchmark
  public String authorizeChannel_pusherHttpJava() {
    return pusher.authenticate(Fixtures.SOCKET_ID, "private-room");
  }

  @Benchmark
  public String authorizePresenceChannel_channels4j() {
    return client.authorizePresenceChannel(Fixtures.SOCKET_ID, "presence-room", member).toJson();
  }

  @Benchmark
  public String authorizePresenceChannel_pusherHttpJava() {
    return pusher.authenticate(Fixtures.SOCKET_ID, "presence-room", presenceUser);
  }

  /** pusher-http-java has no user authentication: channels4j only. */
  @Benchmark
  public String authenticateUser_channels4j() {
    return client.authenticateUser(Fixtures.SOCKET_ID, user).toJson();
  }
}
