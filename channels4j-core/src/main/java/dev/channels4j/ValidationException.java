package dev.channels4j;

/**
 * Bad input or configuration, detected before any request is sent: nothing was published.
 * The message names the rule that was broken and the value that broke it.
 *
 * <pre>{@code
 * try {
 *   client.trigger("bad channel!", "ev", "{}");
 * } catch (ValidationException e) {
 *   // channel name "bad channel!" may only contain A-Z a-z 0-9 _ - = @ , . ;
 * }
 * }</pre>
 */
public final class ValidationException extends ChannelsException {
  private static final long serialVersionUID = 1L;

  /** The builder setting at fault, or {@code null} for an argument of an operation. */
  private final String setting;

  ValidationException(String message) {
    this(null, message, null);
  }

  ValidationException(String message, Throwable cause) {
    this(null, message, cause);
  }

  ValidationException(String setting, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
  }

  /**
   * The setting of {@link ChannelsClient.Builder} this failure is about, by its builder method's
   * name: {@code "appId"}, {@code "key"}, {@code "secret"}, {@code "cluster"}, {@code "host"},
   * {@code "port"}, {@code "url"}, {@code "timeout"}, {@code "connectTimeout"},
   * {@code "connectionTimeToLive"}, {@code "maxDataSize"}, {@code "maxBatchSize"},
   * {@code "maxConnections"}, {@code "maxResponseSize"}, {@code "proxy"},
   * {@code "encryptionMasterKeyBase64"} (either form of the master key), {@code "jsonCodec"},
   * {@code "clock"}, {@code "retryPolicy"}, {@code "transport"}, {@code "sslContext"},
   * {@code "requestListener"}, {@code "webhookCredentials"}. Empty when an argument of an operation was refused (a channel
   * name, an event), which no setting can fix. For integrations that map settings to their own
   * configuration keys:
   *
   * <pre>{@code
   * } catch (ValidationException e) {
   *   String property = e.setting().map(s -> "channels4j." + s).orElse("channels4j");
   * }
   * }</pre>
   */
  public java.util.Optional<String> setting() {
    return java.util.Optional.ofNullable(setting);
  }
}
