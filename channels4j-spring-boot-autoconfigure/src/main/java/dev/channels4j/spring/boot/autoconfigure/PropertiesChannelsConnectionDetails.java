package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.ChannelsClient;
import dev.channels4j.ValidationException;
import dev.channels4j.spring.boot.ChannelsConnectionDetails;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.env.Environment;

/**
 * The connection details the {@code channels4j.*} properties give: {@code url} (or the
 * {@code PUSHER_URL} environment variable when no connection property is set), then the separate
 * properties, which win over the URL's parts. Fails at start-up naming the property that is missing,
 * invalid, or an unresolved placeholder; never quoting a value.
 */
final class PropertiesChannelsConnectionDetails implements ChannelsConnectionDetails {
  private final String urlProperty;
  private final String appId;
  private final String key;
  private final String secret;
  private final String cluster;
  private final String host;
  private final Integer port;
  private final boolean useTls;

  PropertiesChannelsConnectionDetails(ChannelsProperties p, Environment environment) {
    boolean explicit = p.getUrl() != null || p.getAppId() != null || p.getKey() != null
        || p.getSecret() != null || p.getCluster() != null || p.getHost() != null;
    String property = explicit ? "channels4j.url" : "PUSHER_URL";
    String url = explicit ? p.getUrl() : environment.getProperty("PUSHER_URL");
    Placeholders.check(property, url);
    String fromUrlAppId = null;
    String fromUrlKey = null;
    String fromUrlSecret = null;
    String fromUrlHost = null;
    Integer fromUrlPort = null;
    boolean tls = p.isUseTls();
    if (url != null && !url.isBlank()) {
      String chosen = url.trim();
      try {
        ChannelsClient.builder().url(chosen);  // core's own check: its messages never quote the secret
      } catch (ValidationException e) {
        throw new ChannelsConfigurationException(property, e.getMessage());
      }
      URI uri = parsed(chosen, property);
      String[] userInfo = uri.getUserInfo().split(":", 2);
      fromUrlKey = userInfo[0];
      fromUrlSecret = userInfo[1];
      fromUrlHost = uri.getHost();
      fromUrlPort = uri.getPort() < 0 ? null : uri.getPort();
      String path = uri.getPath();
      fromUrlAppId = path.substring(path.lastIndexOf('/') + 1);
      tls = "https".equalsIgnoreCase(uri.getScheme());
      this.urlProperty = property;
    } else {
      this.urlProperty = null;
      String hint = ": set it, or channels4j.url, or the PUSHER_URL environment variable";
      require(p.getAppId(), "channels4j.app-id", hint);
      require(p.getKey(), "channels4j.key", hint);
      require(p.getSecret(), "channels4j.secret", hint);
      if (p.getCluster() == null && p.getHost() == null) {
        throw new ChannelsConfigurationException("channels4j.cluster",
            "no server: set channels4j.cluster (e.g. eu) for Pusher, or channels4j.host (and channels4j.port,"
                + " channels4j.use-tls=false) for a local server");
      }
    }
    this.appId = or(Placeholders.check("channels4j.app-id", p.getAppId()), fromUrlAppId);
    this.key = or(Placeholders.check("channels4j.key", p.getKey()), fromUrlKey);
    this.secret = or(Placeholders.check("channels4j.secret", p.getSecret()), fromUrlSecret);
    this.cluster = Placeholders.check("channels4j.cluster", p.getCluster());
    String hostSetting = Placeholders.check("channels4j.host", p.getHost());
    this.host = hostSetting != null ? hostSetting : (cluster == null ? fromUrlHost : null);
    this.port = p.getPort() != null ? p.getPort() : (hostSetting == null && cluster == null ? fromUrlPort : null);
    this.useTls = hostSetting != null ? p.isUseTls() : tls;
  }

  /** The property a core builder setting of the connection came from. */
  String property(String setting) {
    return switch (setting) {
      case "appId" -> urlProperty != null ? urlProperty : "channels4j.app-id";
      case "key" -> "channels4j.key";
      case "secret" -> "channels4j.secret";
      case "cluster" -> "channels4j.cluster";
      case "host" -> "channels4j.host";
      case "port" -> "channels4j.port";
      case "useTls" -> "channels4j.use-tls";
      default -> urlProperty != null ? urlProperty : "channels4j";
    };
  }

  private static URI parsed(String url, String property) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      // Not chained, not quoted: the message of a URISyntaxException holds the whole URL, secret included.
      throw new ChannelsConfigurationException(property, "is not a valid URL");
    }
  }

  private static String or(String preferred, String fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static void require(String value, String property, String hint) {
    Placeholders.check(property, value);
    if (value == null || value.isBlank()) {
      throw new ChannelsConfigurationException(property, property + " is missing" + hint);
    }
  }

  @Override
  public String appId() {
    return appId;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String secret() {
    return secret;
  }

  @Override
  public String cluster() {
    return cluster;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public Integer port() {
    return port;
  }

  @Override
  public boolean useTls() {
    return useTls;
  }

  @Override
  public String toString() {
    return "ChannelsConnectionDetails[from " + (urlProperty != null ? urlProperty : "channels4j.*") + ", appId=" + appId
        + ", key=" + key + ", cluster=" + cluster + ", host=" + host + ", port=" + port + ", useTls=" + useTls
        + ", secret=<hidden>]";
  }
}
