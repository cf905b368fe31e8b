package dev.channels4j.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.channels4j.ChannelsClient;
import dev.channels4j.spring.boot.autoconfigure.ChannelsAutoConfiguration;
import dev.channels4j.spring.boot.autoconfigure.ChannelsProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * Every {@code ```properties} and {@code ```yaml} block of the READMEs parses, binds to the starter's
 * {@link ChannelsProperties} with no unknown {@code channels4j.*} key, and starts the auto-configuration
 * with a working client, the environment variables it names set as a reader's shell would set them.
 */
class ConfigExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("channels4j.docs.root", "..")).normalize();
  /** What the examples' placeholders read: the URL ./channels4j serve prints, a valid master key. */
  private static final Map<String, Object> ENVIRONMENT = Map.of(
      "PUSHER_URL", "http://app-key:app-secret@127.0.0.1:6001/apps/app-id",
      "PUSHER_ENCRYPTION_MASTER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

  @TestFactory
  Stream<DynamicTest> everyReadmeConfigurationBlockStartsTheStarter() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path readme : MarkdownExamples.readmes(ROOT)) {
      for (ConfigExample example : ConfigExample.read(readme)) {
        String name = ROOT.relativize(readme.toAbsolutePath().normalize()) + ":" + example.line();
        tests.add(DynamicTest.dynamicTest(name, () -> assertStartsTheStarter(example)));
      }
    }
    return tests.stream();
  }

  @Test
  void theStarterReadmeHasAPropertiesExample() {
    assertThat(ConfigExample.read(ROOT.resolve("channels4j-spring-boot-starter/README.md")))
        .anySatisfy(example -> assertThat(example.yaml()).isFalse());
  }

  @Test
  void aCommentAfterAValueIsCaught() {
    ConfigExample trailing = new ConfigExample(Path.of("README.md"), 1, false,
        "channels4j.url=${PUSHER_URL}\n"
            + "channels4j.encryption-master-key=${PUSHER_ENCRYPTION_MASTER_KEY}   # only for encrypted channels\n");

    assertThatThrownBy(() -> assertStartsTheStarter(trailing)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("README.md:1").hasMessageContaining("channels4j.encryption-master-key");
  }

  @Test
  void anUnknownPropertyIsCaught() {
    ConfigExample unknown = new ConfigExample(Path.of("README.md"), 1, false, "channels4j.urll=${PUSHER_URL}\n");

    assertThatThrownBy(() -> assertStartsTheStarter(unknown)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("channels4j.urll");
  }

  private static void assertStartsTheStarter(ConfigExample example) {
    List<PropertySource<?>> sources = load(example);
    StandardEnvironment environment = new StandardEnvironment();
    sources.forEach(environment.getPropertySources()::addFirst);
    environment.getPropertySources().addLast(new MapPropertySource("reader's environment", ENVIRONMENT));
    BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
    try {
      new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(environment))
          .bind("channels4j", Bindable.of(ChannelsProperties.class), strict);
    } catch (RuntimeException e) {
      throw new AssertionError(example.location() + ": does not bind to ChannelsProperties: " + causes(e), e);
    }
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ChannelsAutoConfiguration.class))
        .withInitializer(context -> {
          sources.forEach(context.getEnvironment().getPropertySources()::addFirst);
          context.getEnvironment().getPropertySources()
              .addLast(new MapPropertySource("reader's environment", ENVIRONMENT));
        })
        .run(context -> {
          if (context.getStartupFailure() != null) {
            throw new AssertionError(example.location() + ": the app does not start: "
                + causes(context.getStartupFailure()), context.getStartupFailure());
          }
          assertThat(context).as(example.location()).hasSingleBean(ChannelsClient.class);
        });
  }

  private static List<PropertySource<?>> load(ConfigExample example) {
    ByteArrayResource resource = new ByteArrayResource(example.text().getBytes(StandardCharsets.ISO_8859_1));
    try {
      return example.yaml()
          ? new YamlPropertySourceLoader().load(example.location(), resource)
          : new PropertiesPropertySourceLoader().load(example.location(), resource);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(example.location() + ": does not parse: " + causes(e), e);
    }
  }

  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(text.length() == 0 ? "" : " <- ").append(t.getMessage());
    }
    return text.toString();
  }
}
