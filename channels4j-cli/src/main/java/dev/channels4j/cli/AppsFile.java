package dev.channels4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.channels4j.local.LocalApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the apps of a {@code --config} file and parses {@code --app id:key:secret} flags. The file:
 *
 * <pre>{@code
 * {"apps": [
 *   {"id": "chat", "key": "chat-key", "secret": "chat-secret",
 *    "clientEvents": true, "userAuthentication": false, "subscriptionCount": false, "enabled": true,
 *    "webhookUrls": ["http://127.0.0.1:8080/pusher/webhooks"]}
 * ]}
 * }</pre>
 *
 * <p>{@code id}, {@code key} and {@code secret} are required; the switches default to off
 * ({@code enabled} to on). Every problem is reported as an {@link IllegalArgumentException} naming
 * the file, the app and the field.
 */
final class AppsFile {
  private static final Set<String> FIELDS = Set.of(
      "id", "key", "secret", "clientEvents", "userAuthentication", "subscriptionCount", "enabled", "webhookUrls");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AppsFile() {}

  /** The apps of a JSON config file. */
  static List<LocalApp> read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("apps").isArray()) {
      throw new IllegalArgumentException("config file " + file + " must be a JSON object with an \"apps\" array,"
          + " e.g. {\"apps\":[{\"id\":\"chat\",\"key\":\"chat-key\",\"secret\":\"chat-secret\"}]}");
    }
    List<LocalApp> apps = new ArrayList<>();
    JsonNode list = root.get("apps");
    for (int i = 0; i < list.size(); i++) {
      String where = "config file " + file + ", apps[" + i + "]";
      try {
        apps.add(app(list.get(i), where));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return apps;
  }

  private static LocalApp app(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("each app must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field \"" + name + "\"; known fields are "
            + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    LocalApp.Builder app = LocalApp.builder()
        .id(requiredText(node, "id"))
        .key(requiredText(node, "key"))
        .secret(requiredText(node, "secret"))
        .clientEvents(flag(node, "clientEvents", false))
        .userAuthentication(flag(node, "userAuthentication", false))
        .subscriptionCount(flag(node, "subscriptionCount", false))
        .enabled(flag(node, "enabled", true));
    JsonNode urls = node.get("webhookUrls");
    if (urls != null) {
      if (!urls.isArray()) {
        throw new IllegalArgumentException("webhookUrls must be an array of URLs");
      }
      for (JsonNode url : urls) {
        if (!url.isTextual()) {
          throw new IllegalArgumentException("webhookUrls must hold strings, got " + url);
        }
        app.webhookUrl(url.asText());
      }
    }
    return app.build();
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" is required and must be a string");
    }
    return value.asText();
  }

  private static boolean flag(JsonNode node, String field, boolean fallback) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("\"" + field + "\" must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  /**
   * An app from {@code id:key:secret} (the secret may itself hold colons), with the switches and
   * webhook URLs of the template.
   */
  static LocalApp fromFlag(String spec, LocalApp template) {
    String[] parts = spec == null ? new String[0] : spec.split(":", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("--app takes ID:KEY:SECRET, e.g. --app chat:chat-key:chat-secret;"
          + " got " + parts.length + " colon-separated part(s)");
    }
    try {
      return template.toBuilder().id(parts[0]).key(parts[1]).secret(parts[2]).build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--app " + parts[0] + ":" + parts[1] + ":<secret>: " + e.getMessage(), e);
    }
  }
}
