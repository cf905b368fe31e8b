package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @ChannelAuthorization} pattern such as {@code private-orders.{orderId}} compiled to a
 * regular expression, with its channel type and placeholder names. Knows nothing of the method the
 * pattern is on (that is {@link ChannelRule}).
 */
final class ChannelPattern {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String pattern;
  private final ChannelType type;
  private final Pattern regex;
  private final List<String> variables;
  private final int literalLength;

  private ChannelPattern(String pattern, ChannelType type, Pattern regex, List<String> variables, int literalLength) {
    this.pattern = pattern;
    this.type = type;
    this.regex = regex;
    this.variables = variables;
    this.literalLength = literalLength;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong with the pattern (the caller adds where it is)
   */
  static ChannelPattern compile(String pattern) {
    ChannelType type = ChannelType.of(pattern);
    if (!type.requiresAuthorization()) {
      throw new IllegalArgumentException("must start with private-, private-encrypted- or presence-:"
          + " other channels need no authorization");
    }
    List<String> names = new ArrayList<>();
    StringBuilder expression = new StringBuilder();
    StringBuilder literals = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    while (m.find()) {
      String literal = pattern.substring(last, m.start());
      expression.append(Pattern.quote(literal)).append(segment());
      literals.append(literal);
      if (names.contains(m.group(1))) {
        throw new IllegalArgumentException("uses {" + m.group(1) + "} twice");
      }
      names.add(m.group(1));
      last = m.end();
    }
    expression.append(Pattern.quote(pattern.substring(last)));
    literals.append(pattern.substring(last));
    if (literals.indexOf("{") >= 0 || literals.indexOf("}") >= 0) {
      throw new IllegalArgumentException("has a brace that is not a {name} placeholder");
    }
    // The literal text is checked with core's rule, so a pattern no valid channel can match fails
    // start-up; 'x' stands in for each placeholder's value.
    String example = PLACEHOLDER.matcher(pattern).replaceAll("x");
    if (!ChannelType.isValidName(example)) {
      throw new IllegalArgumentException("can match no valid channel name (up to " + ChannelType.MAX_NAME_LENGTH
          + " of A-Z a-z 0-9 _ - = @ , . ;)");
    }
    return new ChannelPattern(pattern, type, Pattern.compile(expression.toString()), List.copyOf(names),
        literals.length());
  }

  /**
   * A placeholder matches one segment: one or more characters of a valid channel name, but '.',
   * which separates segments. Validity of the whole name is core's check, made before matching.
   */
  private static String segment() {
    return "([^.]+)";
  }

  String pattern() {
    return pattern;
  }

  ChannelType type() {
    return type;
  }

  List<String> variables() {
    return variables;
  }

  /** Longer literal text = more specific: when two rules match, the more specific decides. */
  int specificity() {
    return literalLength;
  }

  /**
   * The placeholder values when the channel matches, null otherwise. A pattern answers only for
   * channels of its own type: a placeholder may hold '-', so "private-{room}" would otherwise match
   * "private-encrypted-payroll" and hand out that channel's shared secret.
   */
  Map<String, String> match(String channel) {
    if (!ChannelType.isValidName(channel) || ChannelType.of(channel) != type) {
      return null;
    }
    Matcher m = regex.matcher(channel);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i), m.group(i + 1));
    }
    return values;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
