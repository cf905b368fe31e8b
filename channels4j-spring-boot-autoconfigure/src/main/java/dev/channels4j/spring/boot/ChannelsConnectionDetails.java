package dev.channels4j.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the {@code ChannelsClient} bean connects and with which credentials, in Spring Boot's
 * {@link ConnectionDetails} idiom. The starter declares one made from the {@code channels4j.*}
 * properties (or {@code PUSHER_URL}); a bean of your own replaces it, and so does the one that
 * {@code @AutoConfigureLocalChannels} contributes in tests, which points at its local server.
 * Timeouts, pool sizes, retries and TLS material stay properties: they are not about where to connect.
 *
 * <pre>{@code
 * @Bean
 * ChannelsConnectionDetails soketi() {
 *   return new ChannelsConnectionDetails() {
 *     public String appId() { return "app-id"; }
 *     public String key() { return "app-key"; }
 *     public String secret() { return vault.read("soketi-secret"); }
 *     public String host() { return "soketi.internal"; }
 *     public Integer port() { return 6001; }
 *     public boolean useTls() { return false; }
 *   };
 * }
 * }</pre>
 *
 * <p>Implementations must keep {@link #secret()} out of {@code toString()}.
 */
public interface ChannelsConnectionDetails extends ConnectionDetails {

  /** The app's id. */
  String appId();

  /** The app's key (public: browsers see it). */
  String key();

  /** The app's secret. */
  String secret();

  /** The Pusher cluster, e.g. {@code eu}; {@code null} when {@link #host()} names the server. */
  default String cluster() {
    return null;
  }

  /** The server's host; {@code null} for the cluster's. Wins over the cluster when both are given. */
  default String host() {
    return null;
  }

  /** The server's port; {@code null} for 443 with TLS, 80 without. */
  default Integer port() {
    return null;
  }

  /** Whether to use HTTPS. */
  default boolean useTls() {
    return true;
  }
}
