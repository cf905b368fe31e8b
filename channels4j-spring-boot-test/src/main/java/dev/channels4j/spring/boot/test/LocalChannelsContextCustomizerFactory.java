package dev.channels4j.spring.boot.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link AutoConfigureLocalChannels} on a test class (or its enclosing classes). */
final class LocalChannelsContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
    AutoConfigureLocalChannels annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureLocalChannels.class);
    return annotation == null ? null : new LocalChannelsContextCustomizer(
        annotation.clientEvents(), annotation.userAuthentication(), annotation.webhooks(), annotation.quiet(),
        annotation.tls());
  }
}
