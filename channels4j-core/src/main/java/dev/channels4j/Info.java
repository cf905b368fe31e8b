package dev.channels4j;

import java.util.List;

/** Joins requested attribute names into the comma-separated {@code info} parameter. */
final class Info {
  private Info() {}

  static String join(List<String> attributes) {
    if (attributes.isEmpty()) {
      throw new ValidationException("info needs at least one attribute, e.g. \"user_count\"");
    }
    for (String attribute : attributes) {
      if (attribute == null || !attribute.matches("[a-z_]+")) {
        throw new ValidationException(
            "info attribute " + quote(attribute)
                + " is not an attribute name; use user_count, subscription_count or cache");
      }
    }
    return String.join(",", attributes);
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
