package dev.channels4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A value core's builder refuses, in its setter or in {@code build()}, fails start-up naming the
 * property it came from, without quoting the value.
 */
class PropertyRefusalsTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "channels4j.app-id | a/b",
      "channels4j.cluster | EU!",
      "channels4j.host | http://example.com",
      "channels4j.host | example.com:0",
      "channels4j.port | 0",
      "channels4j.port | 70000",
      "channels4j.timeout | 2h",
      "channels4j.connect-timeout | 2h",
      "channels4j.connection-time-to-live | 2h",
      "channels4j.max-connections | 0",
      "channels4j.max-batch-size | 0",
      "channels4j.encryption-master-key | c2hvcnQta2V5LXRoYXQtaXMtbm90LTMyLWJ5dGVz",
      "channels4j.encryption-master-key | not base64!"})
  void aRefusedValueFailsNamingItsPropertyButNotTheValue(String property, String value) {
    ChannelsConfigurationException e = catchThrowableOfType(ChannelsConfigurationException.class,
        () -> clientFrom(property, value).close());

    assertThat(e).as("refused").isNotNull();
    assertThat(e.property()).isEqualTo(property);
    assertThat(e.reason()).doesNotContain("s3cr3t-value");
    if (property.equals("channels4j.encryption-master-key")) {
      assertThat(e.reason()).doesNotContain(value);
    }
  }

  private static dev.channels4j.ChannelsClient clientFrom(String property, String value) {
    Map<String, String> values = new HashMap<>(Map.of(
        "channels4j.app-id", "app-id", "channels4j.key", "app-key", "channels4j.secret", "s3cr3t-value",
        "channels4j.host", "127.0.0.1", "channels4j.port", "6001", "channels4j.use-tls", "false"));
    values.put(property, value);
    ChannelsProperties properties = new Binder(new MapConfigurationPropertySource(values))
        .bind("channels4j", ChannelsProperties.class).get();
    PropertiesChannelsConnectionDetails details =
        new PropertiesChannelsConnectionDetails(properties, new StandardEnvironment());
    return ClientFactory.build(ClientFactory.builder(properties, details, null, null), details);
  }
}
