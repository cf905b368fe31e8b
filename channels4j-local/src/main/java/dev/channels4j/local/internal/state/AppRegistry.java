package dev.channels4j.local.internal.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The apps of one server, found by id (HTTP API) or key (WebSocket, auth_key). */
public final class AppRegistry {
  private final Map<String, AppState> byId = new LinkedHashMap<>();
  private final Map<String, AppState> byKey = new LinkedHashMap<>();

  public AppRegistry(Collection<AppState> apps) {
    for (AppState app : apps) {
      byId.put(app.app().id(), app);
      byKey.put(app.app().key(), app);
    }
  }

  public AppState byId(String id) {
    return byId.get(id);
  }

  public AppState byKey(String key) {
    return byKey.get(key);
  }

  public Collection<AppState> all() {
    return byId.values();
  }
}
