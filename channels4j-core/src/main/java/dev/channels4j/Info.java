package dev.channels4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins requested attribute names into the comma-separated {@code info} parameter. Each argument
 * may itself be comma-separated ({@code "user_count,subscription_count"}), as the API writes it.
 */
final class Info {
  private Info() {}

  static String join(List<String> attributes) {
    List<String> names = new ArrayList<>();
    for (String attribute : attributes) {
      if (attribute == null) {
        throw new ValidationException("info attribute must not be null");
      }
      for (String name : attribute.split(",", -1)) {
        if (!name.matches("[a-z_]+")) {
          throw new ValidationException(
              "info attribute \"" + name + "\" is not an attribute name;"
                  + " use user_count, subscription_count or cache");
        }
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      throw new ValidationException("info needs at least one attribute, e.g. \"user_count\"");
    }
    return String.join(",", names);
  }
}
