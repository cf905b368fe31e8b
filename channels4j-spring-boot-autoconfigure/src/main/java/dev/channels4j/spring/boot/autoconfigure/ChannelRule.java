package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.spring.boot.ChannelAuthorization;
import dev.channels4j.spring.boot.ChannelVariable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link ChannelAuthorization} method bound to its compiled {@link ChannelPattern}: how to
 * supply each parameter and how to read the answer. Everything that can be checked is checked when
 * the application starts, so that a rule that could never work fails start-up rather than a
 * subscription.
 */
final class ChannelRule {

  /** The outcome of asking a rule. */
  record Decision(boolean allowed, PresenceMember member, String reason) {
    static Decision refuse(String reason) {
      return new Decision(false, null, reason);
    }
  }

  private final ChannelPattern pattern;
  private final boolean allowAnonymous;
  private final Method method;
  private final Supplier<Object> bean;
  private final String description;
  private final ParameterSource[] sources;

  private ChannelRule(ChannelAuthorization annotation, Method method, Supplier<Object> bean, String description) {
    this.description = description;
    try {
      this.pattern = ChannelPattern.compile(annotation.value());
    } catch (IllegalArgumentException e) {
      throw invalid(annotation.value(), e.getMessage());
    }
    this.allowAnonymous = annotation.allowAnonymous();
    this.method = method;
    this.bean = bean;
    this.sources = sources(method);
    checkReturnType();
    ReflectionUtils.makeAccessible(method);
  }

  static ChannelRule of(ChannelAuthorization annotation, Method method, Supplier<Object> bean, String description) {
    return new ChannelRule(annotation, method, bean, description);
  }

  String pattern() {
    return pattern.pattern();
  }

  ChannelType type() {
    return pattern.type();
  }

  int specificity() {
    return pattern.specificity();
  }

  String description() {
    return description;
  }

  /** See {@link ChannelPattern#match}. */
  Map<String, String> match(String channel) {
    return pattern.match(channel);
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
          try {
            args[i] = conversion.convert(values.get(source.name), source.type);
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
    if (pattern.type() == ChannelType.PRESENCE) {
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
    boolean presence = pattern.type() == ChannelType.PRESENCE;
    if (presence ? !(bool || PresenceMember.class.isAssignableFrom(type)) : !bool) {
      throw invalid(pattern.pattern(), presence
          ? "is a presence pattern: the method must return PresenceMember (null refuses) or boolean"
          : "is a private pattern: the method must return boolean");
    }
  }

  private enum What { PRINCIPAL, SOCKET_ID, CHANNEL_NAME, VARIABLE }

  private record ParameterSource(What what, Class<?> type, String name) {}

  private ParameterSource[] sources(Method method) {
    Parameter[] parameters = method.getParameters();
    ParameterSource[] result = new ParameterSource[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      Parameter parameter = parameters[i];
      ChannelVariable variable = parameter.getAnnotation(ChannelVariable.class);
      if (variable != null) {
        String name = variable.value().isEmpty() ? parameter.getName() : variable.value();
        if (variable.value().isEmpty() && !parameter.isNamePresent()) {
          throw invalid(pattern.pattern(), "names no placeholder on parameter " + i
              + ": write @ChannelVariable(\"name\") or compile with -parameters");
        }
        if (!pattern.variables().contains(name)) {
          throw invalid(pattern.pattern(), "has no {" + name + "} placeholder for parameter " + parameter.getName()
              + " (it has " + pattern.variables() + ")");
        }
        result[i] = new ParameterSource(What.VARIABLE, parameter.getType(), name);
      } else if (Principal.class.isAssignableFrom(parameter.getType())) {
        result[i] = new ParameterSource(What.PRINCIPAL, parameter.getType(), null);
      } else if (parameter.getType() == String.class && parameter.isNamePresent()
          && (parameter.getName().equals("socketId") || parameter.getName().equals("channelName"))) {
        result[i] = new ParameterSource(
            parameter.getName().equals("socketId") ? What.SOCKET_ID : What.CHANNEL_NAME, String.class, null);
      } else {
        throw invalid(pattern.pattern(), "cannot supply parameter " + parameter.getName() + " ("
            + parameter.getType().getSimpleName()
            + "): a rule takes a Principal, @ChannelVariable values, String socketId and String channelName");
      }
    }
    return result;
  }

  private IllegalStateException invalid(String pattern, String problem) {
    return new IllegalStateException("@ChannelAuthorization(\"" + pattern + "\") on " + description + " " + problem);
  }

  @Override
  public String toString() {
    return pattern.pattern() + " -> " + description;
  }
}
