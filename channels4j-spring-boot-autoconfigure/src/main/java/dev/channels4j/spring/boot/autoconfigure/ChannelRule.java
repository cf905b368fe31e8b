package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link ChannelAuthorization} method: its pattern compiled to a regular expression, and how to
 * supply each of its parameters. Everything that can be checked is checked when the application
 * starts, so that a rule that could never work fails start-up rather than a subscription.
 */
final class ChannelRule {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  /** A placeholder matches one segment: the characters Pusher allows in channel names, but '.'. */
  private static final String SEGMENT = "([-a-zA-Z0-9_=@,;]+)";

  enum Kind { PRIVATE, ENCRYPTED, PRESENCE }

  /** The outcome of asking a rule. */
  record Decision(boolean allowed, PresenceMember member, String reason) {
    static Decision refuse(String reason) {
      return new Decision(false, null, reason);
    }
  }

  private final String pattern;
  private final Pattern regex;
  private final List<String> variables;
  private final Kind kind;
  private final boolean allowAnonymous;
  private final Method method;
  private final Supplier<Object> bean;
  private final String description;
  private final ParameterSource[] sources;
  private final int literalLength;

  private ChannelRule(ChannelAuthorization annotation, Method method, Supplier<Object> bean, String description) {
    this.pattern = annotation.value();
    this.allowAnonymous = annotation.allowAnonymous();
    this.method = method;
    this.bean = bean;
    this.description = description;
    this.kind = kindOf(pattern, description);
    List<String> names = new ArrayList<>();
    StringBuilder expression = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    int literals = 0;
    while (m.find()) {
      expression.append(Pattern.quote(pattern.substring(last, m.start()))).append(SEGMENT);
      literals += m.start() - last;
      if (names.contains(m.group(1))) {
        throw invalid("uses {" + m.group(1) + "} twice");
      }
      names.add(m.group(1));
      last = m.end();
    }
    expression.append(Pattern.quote(pattern.substring(last)));
    literals += pattern.length() - last;
    String rest = PLACEHOLDER.matcher(pattern).replaceAll("");
    if (rest.contains("{") || rest.contains("}")) {
      throw invalid("has a brace that is not a {name} placeholder");
    }
    this.regex = Pattern.compile(expression.toString());
    this.variables = List.copyOf(names);
    this.literalLength = literals;
    this.sources = sources(method);
    checkReturnType();
    ReflectionUtils.makeAccessible(method);
  }

  static ChannelRule of(ChannelAuthorization annotation, Method method, Supplier<Object> bean, String description) {
    return new ChannelRule(annotation, method, bean, description);
  }

  String pattern() {
    return pattern;
  }

  /** Longer literal text = more specific: when two rules match, the more specific decides. */
  int specificity() {
    return literalLength;
  }

  Kind kind() {
    return kind;
  }

  String description() {
    return description;
  }

  /**
   * The placeholder values when the channel matches, null otherwise. A rule answers only for
   * channels of its own type: a placeholder may hold '-', so "private-{room}" would otherwise match
   * "private-encrypted-payroll" and hand out that channel's shared secret.
   */
  Map<String, String> match(String channel) {
    if (!ChannelType.of(channel).equals(typeOf(kind))) {
      return null;
    }
    Matcher m = regex.matcher(channel);
    if (!m.matches()) {
      return null;
    }
    java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i), m.group(i + 1));
    }
    return values;
  }

  Decision decide(Principal principal, String socketId, String channel, Map<String, String> values, ConversionService conversion)
      throws Throwable {
    if (principal == null && !allowAnonymous) {
      return Decision.refuse("no authenticated user");
    }
    Object[] args = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      ParameterSource source = sources[i];
      switch (source.what) {
        case PRINCIPAL -> {
          if (principal != null && !source.type.isInstance(principal)) {
            return Decision.refuse("the principal is a " + principal.getClass().getSimpleName() + ", the rule takes a "
                + source.type.getSimpleName());
          }
          args[i] = principal;
        }
        case SOCKET_ID -> args[i] = socketId;
        case CHANNEL_NAME -> args[i] = channel;
        case VARIABLE -> {
          String raw = values.get(source.name);
          try {
            args[i] = conversion.convert(raw, source.type);
          } catch (ConversionException e) {
            return Decision.refuse("{" + source.name + "} is not a " + source.type.getSimpleName());
          }
          if (args[i] == null && source.type.isPrimitive()) {
            return Decision.refuse("{" + source.name + "} is not a " + source.type.getSimpleName());
          }
        }
      }
    }
    Object answer;
    try {
      answer = method.invoke(bean.get(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (kind == Kind.PRESENCE) {
      if (answer instanceof PresenceMember member) {
        return new Decision(true, member, null);
      }
      if (Boolean.TRUE.equals(answer)) {
        if (principal == null) {
          return Decision.refuse("presence needs a user id: return a PresenceMember for anonymous users");
        }
        return new Decision(true, PresenceMember.of(principal.getName()), null);
      }
      return Decision.refuse("refused by " + description);
    }
    return Boolean.TRUE.equals(answer) ? new Decision(true, null, null) : Decision.refuse("refused by " + description);
  }

  private void checkReturnType() {
    Class<?> type = method.getReturnType();
    boolean bool = type == boolean.class || type == Boolean.class;
    if (kind == Kind.PRESENCE ? !(bool || PresenceMember.class.isAssignableFrom(type)) : !bool) {
      throw invalid(kind == Kind.PRESENCE
          ? "is a presence pattern: the method must return PresenceMember (null refuses) or boolean"
          : "is a private pattern: the method must return boolean");
    }
  }

  private enum What { PRINCIPAL, SOCKET_ID, CHANNEL_NAME, VARIABLE }

  private record ParameterSource(What what, Class<?> type, String name) {}

  private ParameterSource[] sources(Method method) {
    Parameter[] parameters = method.getParameters();
    ParameterSource[] result = new ParameterSource[parameters.length];
    Set<String> bound = new LinkedHashSet<>();
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      ChannelVariable variable = parameter.getAnnotation(ChannelVariable.class);
      if (variable != null) {
        String name = variable.value().isEmpty() ? parameter.getName() : variable.value();
        if (variable.value().isEmpty() && !parameter.isNamePresent()) {
          throw invalid("names no placeholder on parameter " + i
              + ": write @ChannelVariable(\"name\") or compile with -parameters");
        }
        if (!variables.contains(name)) {
          throw invalid("has no {" + name + "} placeholder for parameter " + parameter.getName() + " (it has " + variables + ")");
        }
        bound.add(name);
        result[i] = new ParameterSource(What.VARIABLE, parameter.getType(), name);
      } else if (Principal.class.isAssignableFrom(parameter.getType())) {
        result[i] = new ParameterSource(What.PRINCIPAL, parameter.getType(), null);
      } else if (parameter.getType() == String.class && parameter.isNamePresent()
          && (parameter.getName().equals("socketId") || parameter.getName().equals("channelName"))) {
        result[i] = new ParameterSource(
            parameter.getName().equals("socketId") ? What.SOCKET_ID : What.CHANNEL_NAME, String.class, null);
      } else {
        throw invalid("cannot supply parameter " + parameter.getName() + " (" + parameter.getType().getSimpleName()
            + "): a rule takes a Principal, @ChannelVariable values, String socketId and String channelName");
      }
    }
    return result;
  }

  private static Kind kindOf(String pattern, String description) {
    switch (ChannelType.of(pattern)) {
      case PRIVATE_ENCRYPTED:
        return Kind.ENCRYPTED;
      case PRIVATE:
        return Kind.PRIVATE;
      case PRESENCE:
        return Kind.PRESENCE;
      default:
        throw new IllegalStateException("@ChannelAuthorization(\"" + pattern + "\") on " + description
            + " must start with private-, private-encrypted- or presence-: other channels need no authorization");
    }
  }

  private static ChannelType typeOf(Kind kind) {
    return switch (kind) {
      case ENCRYPTED -> ChannelType.PRIVATE_ENCRYPTED;
      case PRIVATE -> ChannelType.PRIVATE;
      case PRESENCE -> ChannelType.PRESENCE;
    };
  }

  private IllegalStateException invalid(String problem) {
    return new IllegalStateException("@ChannelAuthorization(\"" + pattern + "\") on " + description + " " + problem);
  }

  @Override
  public String toString() {
    return pattern + " -> " + description;
  }
}
