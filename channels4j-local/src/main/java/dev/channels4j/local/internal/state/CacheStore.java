package dev.channels4j.local.internal.state;

import dev.channels4j.local.Limits;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last event of each cache channel of one app, bounded by count and bytes: the least recently
 * written entry is evicted first (counted), expired ones are dropped when read or swept. Not
 * thread-safe: {@link AppState} calls it under its lock.
 */
final class CacheStore {
  private final Limits limits;
  private final Clock clock;
  private final Counters counters;
  /** Cache channels in the order of their last write, oldest first. */
  private final LinkedHashMap<String, AppState.CachedEvent> entries = new LinkedHashMap<>();
  private long bytes;

  CacheStore(Limits limits, Clock clock, Counters counters) {
    this.limits = limits;
    this.clock = clock;
    this.counters = counters;
  }

  void put(String channel, AppState.CachedEvent cached) {
    AppState.CachedEvent previous = entries.remove(channel);
    if (previous != null) {
      bytes -= sizeOf(channel, previous);
    }
    long size = sizeOf(channel, cached);
    Iterator<Map.Entry<String, AppState.CachedEvent>> oldest = entries.entrySet().iterator();
    while (oldest.hasNext() && (entries.size() >= limits.maxCachedChannels() || bytes + size > limits.maxCacheBytes())) {
      Map.Entry<String, AppState.CachedEvent> entry = oldest.next();
      bytes -= sizeOf(entry.getKey(), entry.getValue());
      oldest.remove();
      counters.cacheEvictions.increment();
    }
    entries.put(channel, cached);
    bytes += size;
  }

  /** The channel's event, or null when there is none or it expired (then it is dropped). */
  AppState.CachedEvent get(String channel) {
    AppState.CachedEvent cached = entries.get(channel);
    if (cached != null && !cached.expiresAt().isAfter(clock.instant())) {
      entries.remove(channel);
      bytes -= sizeOf(channel, cached);
      return null;
    }
    return cached;
  }

  void sweep() {
    Instant now = clock.instant();
    Iterator<Map.Entry<String, AppState.CachedEvent>> all = entries.entrySet().iterator();
    while (all.hasNext()) {
      Map.Entry<String, AppState.CachedEvent> entry = all.next();
      if (!entry.getValue().expiresAt().isAfter(now)) {
        bytes -= sizeOf(entry.getKey(), entry.getValue());
        all.remove();
      }
    }
  }

  int size() {
    return entries.size();
  }

  private static long sizeOf(String channel, AppState.CachedEvent cached) {
    return 2L * (cached.data().length() + cached.event().length() + channel.length()) + AppState.ENTRY_OVERHEAD_BYTES;
  }
}
