package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.spring.boot.ChannelAuthorization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Every {@link ChannelAuthorization} method of the application's beans, found once all singletons
 * exist (as Spring finds {@code @EventListener} methods). Two rules with the same pattern fail
 * start-up.
 */
final class ChannelRules implements SmartInitializingSingleton {
  private final ConfigurableListableBeanFactory beanFactory;
  private volatile List<ChannelRule> rules = List.of();

  ChannelRules(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<ChannelRule> found = new ArrayList<>();
    Map<String, ChannelRule> byPattern = new HashMap<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      if (beanFactory.getBeanDefinition(name).isAbstract()) {
        continue;
      }
      Class<?> type = beanFactory.getType(name, false);
      if (type == null || type.getName().startsWith("org.springframework.")) {
        continue;
      }
      Class<?> userType = ClassUtils.getUserClass(type);
      Map<Method, ChannelAuthorization> methods = MethodIntrospector.selectMethods(userType,
          (MethodIntrospector.MetadataLookup<ChannelAuthorization>) method ->
              AnnotatedElementUtils.findMergedAnnotation(method, ChannelAuthorization.class));
      for (Map.Entry<Method, ChannelAuthorization> entry : methods.entrySet()) {
        Method invocable = AopUtils.selectInvocableMethod(entry.getKey(), type);
        String description = userType.getSimpleName() + "." + entry.getKey().getName() + " (bean " + name + ")";
        ChannelRule rule = ChannelRule.of(entry.getValue(), invocable, () -> beanFactory.getBean(name), description);
        ChannelRule clash = byPattern.putIfAbsent(rule.pattern(), rule);
        if (clash != null) {
          throw new IllegalStateException("two @ChannelAuthorization rules for \"" + rule.pattern() + "\": "
              + clash.description() + " and " + description + "; keep one");
        }
        found.add(rule);
      }
    }
    found.sort(Comparator.comparingInt(ChannelRule::specificity).reversed());
    rules = List.copyOf(found);
  }

  /** The most specific rule matching the channel, with its placeholder values; null when none does. */
  Match find(String channel) {
    for (ChannelRule rule : rules) {
      Map<String, String> values = rule.match(channel);
      if (values != null) {
        return new Match(rule, values);
      }
    }
    return null;
  }

  List<ChannelRule> rules() {
    return rules;
  }

  record Match(ChannelRule rule, Map<String, String> values) {}
}
