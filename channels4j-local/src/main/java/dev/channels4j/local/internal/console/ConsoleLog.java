package dev.channels4j.local.internal.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.channels4j.local.AcceptedEvent;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.Tap;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * What the debug console shows as its log: accepted API and client events and webhook attempts,
 * as JSON lines. Bounded: {@value #MAX_ENTRIES} entries and {@value #MAX_BYTES} bytes, the oldest
 * dropped first; each text field cut to {@value #MAX_FIELD_CHARS} characters. Every entry is
 * also offered to the live streams ({@link SseStream}), each bounded on its own.
 */
final class ConsoleLog implements Tap {
  static final int MAX_ENTRIES = 500;
  static final long MAX_BYTES = 1024 * 1024;
  static final int MAX_FIELD_CHARS = 2048;

  private record Entry(long id, String json) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Set<SseStream> streams = new CopyOnWriteArraySet<>();
  private long bytes;
  private long nextId = 1;

  @Override
  public void accepted(String appId, AcceptedEvent event) {
    ObjectNode node = Json.object()
        .put("type", event.source() == AcceptedEvent.Source.API ? "api" : "client")
        .put("app", appId).put("channel", event.channel()).put("event", event.event())
        .put("data", cut(event.data())).put("time", event.time().toString());
    event.socketId().ifPresent(id -> node.put("socketId", id));
    event.userId().ifPresent(id -> node.put("userId", id));
    append(node);
  }

  @Override
  public void webhook(URI url, String body, int attempt, int status, String failure) {
    ObjectNode node = Json.object().put("type", "webhook").put("url", url.toString()).put("body", cut(body))
        .put("attempt", attempt).put("status", status);
    if (failure != null) {
      node.put("failure", cut(failure));
    }
    append(node);
  }

  /** A line of the console's own doing (a published event, an injected fault). */
  void note(String text) {
    append(Json.object().put("type", "note").put("text", cut(text)));
  }

  private void append(ObjectNode node) {
    String json;
    synchronized (this) {
      long id = nextId++;
      node.put("id", id);
      json = Json.write(node);
      while (!entries.isEmpty() && (entries.size() >= MAX_ENTRIES || bytes + json.length() > MAX_BYTES)) {
        bytes -= entries.removeFirst().json().length();
      }
      entries.addLast(new Entry(id, json));
      bytes += json.length();
    }
    for (SseStream stream : streams) {
      stream.offer("log", json);
    }
  }

  /** The kept entries, oldest first, for a stream that just opened. */
  synchronized List<String> snapshot() {
    List<String> out = new ArrayList<>(entries.size());
    entries.forEach(entry -> out.add(entry.json()));
    return out;
  }

  Set<SseStream> streams() {
    return streams;
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_FIELD_CHARS ? text : text.substring(0, MAX_FIELD_CHARS) + "… (cut)";
  }
}
