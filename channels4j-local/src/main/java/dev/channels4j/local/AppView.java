package dev.channels4j.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.channels4j.local.internal.Json;
import dev.channels4j.local.internal.state.AppState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A live, read-only view of what one app of a {@link LocalServer} holds, for assertions.
 *
 * <pre>{@code
 * AppView app = server.app("app-id");
 * assertThat(app.channels()).contains("presence-room");
 * assertThat(app.members("presence-room")).containsOnlyKeys("alice", "bob");
 * }</pre>
 */
public final class AppView {
  private static final TypeReference<Object> ANY = new TypeReference<>() {};
  private final AppState state;

  AppView(AppState state) {
    this.state = state;
  }

  /** The app's settings. */
  public LocalApp app() {
    return state.app();
  }

  /** Every event accepted so far (API events and client events), oldest first; keeps the last 100,000. */
  public List<AcceptedEvent> acceptedEvents() {
    return state.acceptedEvents();
  }

  /** Forgets the accepted events, e.g. between tests sharing a server. */
  public void clearAcceptedEvents() {
    state.clearAcceptedEvents();
  }

  /** The names of the occupied channels (at least one subscriber), sorted. */
  public Set<String> channels() {
    Set<String> names = new LinkedHashSet<>();
    state.occupied(null).forEach(view -> names.add(view.name()));
    return names;
  }

  /** How many connections are subscribed to the channel; 0 when it is vacant. */
  public int subscriptionCount(String channel) {
    return state.channel(channel).map(AppState.ChannelView::subscriptionCount).orElse(0);
  }

  /**
   * The members of a presence channel in join order: user id → {@code user_info} as plain Java
   * values (maps, lists, strings, numbers, booleans); empty when the channel is vacant.
   */
  public Map<String, Object> members(String presenceChannel) {
    Map<String, Object> members = new LinkedHashMap<>();
    state.members(presenceChannel).forEach((id, info) -> members.put(id, Json.MAPPER.convertValue(info, ANY)));
    return members;
  }

  /** How many WebSocket connections are open. */
  public int connectionCount() {
    return state.connectionCount();
  }

  /** Cache channels holding an event, expired ones not yet swept included (for the server's own tests). */
  int cachedChannelCount() {
    return state.cachedChannelCount();
  }

  @Override
  public String toString() {
    return "AppView[" + state.app().id() + "]";
  }
}
