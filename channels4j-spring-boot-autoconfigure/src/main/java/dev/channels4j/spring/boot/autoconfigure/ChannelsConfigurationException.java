package dev.channels4j.spring.boot.autoconfigure;

/**
 * A {@code channels4j.*} setting (or {@code PUSHER_URL}) that cannot work, named with the reason.
 * Not Spring Boot's {@code InvalidConfigurationPropertyValueException}: Boot's report of that one
 * prints the property's value as found in the environment, and several of ours hold secrets (the
 * URL, the secret, the encryption master key, the proxy password).
 * {@link ChannelsConfigurationFailureAnalyzer} reports this one without the value.
 */
final class ChannelsConfigurationException extends IllegalStateException {
  private final String property;
  private final String reason;

  ChannelsConfigurationException(String property, String reason) {
    super(property + ": " + reason);
    this.property = property;
    this.reason = reason;
  }

  String property() {
    return property;
  }

  String reason() {
    return reason;
  }
}
