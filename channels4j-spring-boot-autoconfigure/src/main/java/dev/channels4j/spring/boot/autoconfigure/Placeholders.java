package dev.channels4j.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot binds a placeholder it cannot resolve, such as {@code ${PUSHER_URL}} when that
 * variable is unset, as its literal text. Parsed as a URL or a base64 key that text fails with a
 * message about characters; this says which variable is unset instead. Only the placeholder's name
 * is reported: it comes from the configuration, not from the value it would have had.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

  private Placeholders() {}

  /** Fails naming the property and the variable when the value still holds a placeholder. */
  static String check(String property, String value) {
    if (value == null) {
      return null;
    }
    Matcher placeholder = PLACEHOLDER.matcher(value);
    if (placeholder.find()) {
      String variable = placeholder.group(1).trim();
      throw new ChannelsConfigurationException(property, property + " refers to ${" + variable + "}, which is not set:"
          + " set the " + variable + " environment variable (or property), or give " + property + " a value");
    }
    return value;
  }
}
