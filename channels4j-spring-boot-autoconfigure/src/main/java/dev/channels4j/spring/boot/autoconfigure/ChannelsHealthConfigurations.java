package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * The {@code channels4j} health indicator, for each Spring Boot line: Boot 4 moved health to
 * {@code org.springframework.boot.health.contributor}, Boot 3 has it in
 * {@code org.springframework.boot.actuate.health}. The starter compiles against Boot 4, so the
 * Boot 3 indicator is a proxy of Boot 3's interface, built only when that interface is present.
 */
final class ChannelsHealthConfigurations {
  static final String BEAN_NAME = "channels4jHealthIndicator";

  private ChannelsHealthConfigurations() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnProperty(prefix = "channels4j.health", name = "enabled", havingValue = "true", matchIfMissing = true)
  static class Boot4 {
    @Bean(name = BEAN_NAME)
    @ConditionalOnMissingBean(name = BEAN_NAME)
    org.springframework.boot.health.contributor.HealthIndicator channels4jHealthIndicator(
        RequestOutcomes outcomes, ChannelsClient client, ChannelsProperties properties) {
      ChannelsHealth health = new ChannelsHealth(outcomes, client, properties.getHealth());
      return () -> {
        ChannelsHealth.Verdict verdict = health.check();
        return (verdict.up()
                ? org.springframework.boot.health.contributor.Health.up()
                : org.springframework.boot.health.contributor.Health.down())
            .withDetails(verdict.details())
            .build();
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(prefix = "channels4j.health", name = "enabled", havingValue = "true", matchIfMissing = true)
  @org.springframework.context.annotation.Import(Boot3Registrar.class)
  static class Boot3 {}

  /** Registers the Boot 3 indicator with its real type, so the actuator finds it by type. */
  static final class Boot3Registrar implements ImportBeanDefinitionRegistrar, BeanFactoryAware {
    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
      this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      if (registry.containsBeanDefinition(BEAN_NAME)) {
        return;
      }
      ClassLoader loader = ChannelsHealthConfigurations.class.getClassLoader();
      Class<?> indicatorType = ClassUtils.resolveClassName("org.springframework.boot.actuate.health.HealthIndicator", loader);
      RootBeanDefinition definition = new RootBeanDefinition();
      definition.setTargetType(indicatorType);
      definition.setInstanceSupplier(() -> boot3Indicator(indicatorType, loader));
      registry.registerBeanDefinition(BEAN_NAME, definition);
    }

    private Object boot3Indicator(Class<?> indicatorType, ClassLoader loader) {
      ChannelsHealth health = new ChannelsHealth(
          beanFactory.getBean(RequestOutcomes.class),
          beanFactory.getBean(ChannelsClient.class),
          beanFactory.getBean(ChannelsProperties.class).getHealth());
      Class<?> healthType = ClassUtils.resolveClassName("org.springframework.boot.actuate.health.Health", loader);
      InvocationHandler handler = (proxy, method, args) -> {
        switch (method.getName()) {
          case "health":
            return boot3Health(healthType, health.check());
          case "toString":
            return "channels4j health indicator";
          case "hashCode":
            return System.identityHashCode(proxy);
          case "equals":
            return proxy == args[0];
          default:
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
      };
      return Proxy.newProxyInstance(loader, new Class<?>[] {indicatorType}, handler);
    }

    private static Object boot3Health(Class<?> healthType, ChannelsHealth.Verdict verdict) throws ReflectiveOperationException {
      Object builder = healthType.getMethod(verdict.up() ? "up" : "down").invoke(null);
      Method withDetails = builder.getClass().getMethod("withDetails", Map.class);
      withDetails.invoke(builder, verdict.details());
      return builder.getClass().getMethod("build").invoke(builder);
    }
  }
}
