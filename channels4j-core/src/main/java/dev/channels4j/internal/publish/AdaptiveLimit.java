package dev.channels4j.internal.publish;

import dev.channels4j.ApiException;
import dev.channels4j.TransportException;

/**
 * How many batch requests may be in flight: a window between a floor and a ceiling that follows the
 * round trip. Not thread-safe: {@link BatchingPublisher} calls it under its lock. Times are the
 * publisher's ticker readings, in nanoseconds.
 *
 * <p>The rule is TCP's, with Vegas's delay signal (as in Netflix's concurrency-limits, whose jar
 * core cannot require: it has no stable JPMS module name):
 * <ul>
 *   <li>an answer that came back within {@link #TOLERANCE} times the no-load round trip (or within
 *       {@link #SLACK_NANOS} of it, whichever is longer), for a request sent while at least half the
 *       window was in use, grows the window by one: a full window of such answers doubles it in one
 *       round trip, as TCP's slow start does;
 *   <li>a slower answer shrinks it by one: requests queue somewhere (the server, the network, the
 *       connection pool waiting for a connection); except the answer to a request sent with more
 *       requests in flight than ever before, which most likely opened a new connection and paid
 *       for its TLS handshake (164 ms at 80 ms RTT): that says nothing about queueing;
 *   <li>a failed request (429, 5xx, a transport failure) halves it, once per round trip: the
 *       failures of requests sent before the last halving do not halve it again.
 * </ul>
 * The no-load round trip is the shortest seen over the last 10 to 20 seconds, so it follows a
 * route that got longer.
 */
final class AdaptiveLimit {
  /** How much slower than the no-load round trip an answer may be and still count as "latency holds". */
  static final double TOLERANCE = 2.0;
  /**
   * How much slower, in absolute time, an answer may be and still count as "latency holds". On a
   * short route (the same data centre, loopback) the no-load round trip is well under a millisecond
   * and a scheduler's hiccup doubles it, so the ratio alone would keep the window at its floor
   * while more requests in flight would still raise throughput: a publisher trades a few
   * milliseconds of queueing for that. At a real distance (20 ms and up) the ratio is the longer one.
   */
  static final long SLACK_NANOS = 5_000_000L;
  static final long MIN_RTT_PERIOD_NANOS = 10_000_000_000L;

  private final int floor;
  private final int ceiling;
  private double limit;
  private long previousPeriodMin = Long.MAX_VALUE;
  private long periodMin = Long.MAX_VALUE;
  private long periodEnds;
  private boolean periodStarted;
  private long lastHalvedAt;
  private boolean halved;

  /** A window that starts at {@code floor}. */
  AdaptiveLimit(int floor, int ceiling) {
    if (floor < 1 || ceiling < floor) {
      throw new IllegalArgumentException("need 1 <= floor <= ceiling, got " + floor + " and " + ceiling);
    }
    this.floor = floor;
    this.ceiling = ceiling;
    this.limit = floor;
  }

  int current() {
    return (int) limit;
  }

  /** The shortest round trip seen lately, in nanoseconds; {@code Long.MAX_VALUE} before any answer. */
  long noLoadRtt() {
    return Math.min(previousPeriodMin, periodMin);
  }

  /**
   * Takes one request's outcome into account.
   *
   * @param sentAt when the request was sent
   * @param answeredAt when its answer (or failure) came
   * @param inFlightWhenSent the requests in flight once it was sent, itself included
   * @param failed whether it failed in a way that says "slow down": 429, 5xx, transport failure
   */
  void onAnswer(long sentAt, long answeredAt, int inFlightWhenSent, boolean failed) {
    onAnswer(sentAt, answeredAt, inFlightWhenSent, false, failed);
  }

  /**
   * As {@link #onAnswer(long, long, int, boolean)}, where {@code newConnection} says the request
   * was sent with more requests in flight than ever before (so likely on a connection of its own).
   */
  void onAnswer(long sentAt, long answeredAt, int inFlightWhenSent, boolean newConnection, boolean failed) {
    long rtt = Math.max(1, answeredAt - sentAt);
    if (failed) {
      if (!halved || sentAt - lastHalvedAt >= 0) {
        limit = Math.max(floor, limit / 2);
        halved = true;
        lastHalvedAt = answeredAt;
      }
      return;
    }
    recordRtt(answeredAt, rtt);
    long noLoad = noLoadRtt();
    if (rtt > Math.max(TOLERANCE * noLoad, noLoad + SLACK_NANOS)) {
      if (!newConnection) {
        limit = Math.max(floor, limit - 1);
      }
    } else if (inFlightWhenSent * 2 >= limit) {
      // Only a window in use shows whether a larger one would do: an idle publisher does not grow.
      limit = Math.min(ceiling, limit + 1);
    }
  }

  /** Whether a request's failure asks for fewer requests in flight: 429, 5xx, or a transport failure. */
  static boolean saysSlowDown(Throwable failure) {
    if (failure instanceof ApiException api) {
      return api.status() == 429 || api.status() >= 500;
    }
    return failure instanceof TransportException transport
        && transport.kind() != TransportException.Kind.RESPONSE_TOO_LARGE;
  }

  private void recordRtt(long now, long rtt) {
    if (!periodStarted) {
      periodStarted = true;
      periodEnds = now + MIN_RTT_PERIOD_NANOS;
    } else if (now - periodEnds >= 0) {
      previousPeriodMin = periodMin;
      periodMin = Long.MAX_VALUE;
      periodEnds = now + MIN_RTT_PERIOD_NANOS;
    }
    periodMin = Math.min(periodMin, rtt);
  }

  @Override
  public String toString() {
    return "AdaptiveLimit[" + current() + " in " + floor + ".." + ceiling + "]";
  }
}
