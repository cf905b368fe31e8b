package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelType;
import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.spring.boot.ChannelAuthorization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Every {@link ChannelAuthorization} method of the application's beans, found once all singletons
 * exist (as Spring finds {@code @EventListener} methods). Two rules with the same pattern fail
 * start-up, and so does a {@code private-encrypted-} rule when the client has no encryption master
 * key (every subscription to it would fail).
 */
final class ChannelRules implements SmartInitializingSingleton {
  static final String MASTER_KEY_PROPERTY = "channels4j.encryption-master-key";
  private static final String PROBE_CHANNEL = "private-encrypted-channels4j-start-up-check";

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
      // A scoped proxy's target is reached through the proxy bean, which is scanned: scanning the
      // target too would find each of its rules twice.
      if (ScopedProxyUtils.isScopedTarget(name) || beanFactory.getBeanDefinition(name).isAbstract()) {
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
    checkEncryptedRulesHaveAMasterKey(found);
    found.sort(Comparator.comparingInt(ChannelRule::specificity).reversed());
    rules = List.copyOf(found);
  }

  private void checkEncryptedRulesHaveAMasterKey(List<ChannelRule> found) {
    ChannelRule encrypted = found.stream().filter(rule -> rule.type() == ChannelType.PRIVATE_ENCRYPTED)
        .findFirst().orElse(null);
    ChannelsClient client = beanFactory.getBeanProvider(ChannelsClient.class).getIfUnique();
    if (encrypted == null || client == null) {
      return;
    }
    try {
      // Asks the client itself, so a key set by a ChannelsClientCustomizer counts too. No network.
      client.sharedSecret(PROBE_CHANNEL);
    } catch (ValidationException e) {
      throw new ChannelsConfigurationException(MASTER_KEY_PROPERTY, "is not set, but @ChannelAuthorization(\""
          + encrypted.pattern() + "\") on " + encrypted.description() + " authorizes encrypted channels, whose"
          + " answers carry a key derived from it; set it (32 random bytes, base64) or remove the rule");
    }
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
