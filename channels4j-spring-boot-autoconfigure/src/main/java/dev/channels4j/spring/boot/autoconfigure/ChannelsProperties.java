package dev.channels4j.spring.boot.autoconfigure;

import dev.channels4j.PublisherOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code channels4j.*} settings. Give either {@code url} (or the {@code PUSHER_URL} environment
 * variable), or {@code app-id}, {@code key}, {@code secret} and a {@code cluster} or {@code host}.
 * Start-up fails with a message naming the property when one is missing or invalid.
 *
 * <pre>{@code
 * channels4j.app-id=123
 * channels4j.key=${PUSHER_KEY}
 * channels4j.secret=${PUSHER_SECRET}
 * channels4j.cluster=eu
 * channels4j.publisher.linger=5ms
 * }</pre>
 *
 * <p>{@code toString()} never shows the secret, the URL (it holds the secret) or the master key.
 */
@ConfigurationProperties(prefix = "channels4j")
public class ChannelsProperties {

  /** Whether to configure channels4j at all. */
  private boolean enabled = true;

  /**
   * The app as one URL, {@code https://key:secret@api-eu.pusher.com/apps/123}. When no connection
   * setting is given, the {@code PUSHER_URL} environment variable is used.
   */
  private String url;

  /** The app's id. */
  private String appId;

  /** The app's key (public: the browser sees it). */
  private String key;

  /** The app's secret. Never logged. */
  private String secret;

  /** The Pusher cluster, e.g. {@code eu}, {@code us2}; or set host. */
  private String cluster;

  /** A server host instead of a cluster, e.g. 127.0.0.1 for a local server. */
  private String host;

  /** The server's port; 443 with TLS, 80 without, when not set. */
  private Integer port;

  /** Whether to use HTTPS. */
  private boolean useTls = true;

  /** The 32-byte master key of end-to-end encrypted channels, base64. Never logged. */
  private String encryptionMasterKey;

  /** How long a request may take, end to end. */
  private Duration timeout = Duration.ofSeconds(5);

  /** How long connecting may take (core's default). */
  private Duration connectTimeout = Duration.ofSeconds(3);

  /** How long a pooled connection is reused at most, so that DNS changes are picked up (core's default). */
  private Duration connectionTimeToLive = Duration.ofMinutes(5);

  /** The most bytes of an API answer read; a larger one fails the call (core's default, 4MB). */
  private DataSize maxResponseSize = DataSize.ofMegabytes(4);

  /** The most pooled connections of the HTTP client, in each of its pools. */
  private int maxConnections = 64;

  /** The most bytes of event data (10 KB on Pusher's standard plans). */
  private DataSize maxDataSize = DataSize.ofKilobytes(10);

  /** The most events in one batch request. */
  private int maxBatchSize = 10;

  private final Retry retry = new Retry();

  private final Ssl ssl = new Ssl();

  private final Proxy proxy = new Proxy();

  private final Publisher publisher = new Publisher();

  private final Auth auth = new Auth();

  private final Webhooks webhooks = new Webhooks();

  private final Health health = new Health();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getAppId() {
    return appId;
  }

  public void setAppId(String appId) {
    this.appId = appId;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public boolean isUseTls() {
    return useTls;
  }

  public void setUseTls(boolean useTls) {
    this.useTls = useTls;
  }

  public String getEncryptionMasterKey() {
    return encryptionMasterKey;
  }

  public void setEncryptionMasterKey(String encryptionMasterKey) {
    this.encryptionMasterKey = encryptionMasterKey;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getConnectionTimeToLive() {
    return connectionTimeToLive;
  }

  public void setConnectionTimeToLive(Duration connectionTimeToLive) {
    this.connectionTimeToLive = connectionTimeToLive;
  }

  public DataSize getMaxResponseSize() {
    return maxResponseSize;
  }

  public void setMaxResponseSize(DataSize maxResponseSize) {
    this.maxResponseSize = maxResponseSize;
  }

  public Ssl getSsl() {
    return ssl;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  public DataSize getMaxDataSize() {
    return maxDataSize;
  }

  public void setMaxDataSize(DataSize maxDataSize) {
    this.maxDataSize = maxDataSize;
  }

  public int getMaxBatchSize() {
    return maxBatchSize;
  }

  public void setMaxBatchSize(int maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  public Retry getRetry() {
    return retry;
  }

  public Proxy getProxy() {
    return proxy;
  }

  public Publisher getPublisher() {
    return publisher;
  }

  public Auth getAuth() {
    return auth;
  }

  public Webhooks getWebhooks() {
    return webhooks;
  }

  public Health getHealth() {
    return health;
  }

  @Override
  public String toString() {
    return "ChannelsProperties[appId=" + appId + ", key=" + key + ", cluster=" + cluster + ", host=" + host
        + ", port=" + port + ", useTls=" + useTls + ", url=" + (url == null ? null : "<hidden>")
        + ", secret=<hidden>]";
  }

  /** How failed requests are retried. */
  public static class Retry {
    /** Attempts per request, the first included; 1 turns retries off. */
    private int maxAttempts = 3;

    /** The wait before the first retry; it doubles after each. */
    private Duration initialBackoff = Duration.ofMillis(100);

    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofSeconds(2);

    /** Whether POSTs (triggers) are retried too; a retried trigger may be delivered twice. */
    private boolean retryPosts = false;

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public boolean isRetryPosts() {
      return retryPosts;
    }

    public void setRetryPosts(boolean retryPosts) {
      this.retryPosts = retryPosts;
    }
  }

  /** TLS of requests to the Channels API. */
  public static class Ssl {
    /**
     * The name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust material (and
     * key material, for mutual TLS) requests use; the JVM's trust store when not set.
     */
    private String bundle;

    public String getBundle() {
      return bundle;
    }

    public void setBundle(String bundle) {
      this.bundle = bundle;
    }
  }

  /** An HTTP proxy for requests to the Channels API. */
  public static class Proxy {
    /** The proxy's host; no proxy when not set. */
    private String host;

    /** The proxy's port. */
    private Integer port;

    /** The proxy's user name, when it asks for one. */
    private String username;

    /** The proxy's password. Never logged. */
    private String password;

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public Integer getPort() {
      return port;
    }

    public void setPort(Integer port) {
      this.port = port;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    @Override
    public String toString() {
      return "Proxy[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>]";
    }
  }

  /** The {@link dev.channels4j.Publisher} bean, which batches events at a high rate. */
  public static class Publisher {
    /** Whether to create the Publisher bean. */
    private boolean enabled = true;

    /** How long an event may wait for others to fill its batch. */
    private Duration linger = Duration.ofMillis(5);

    /** How many batch requests may be in flight at once. */
    private int maxInFlightRequests = 16;

    /** How many accepted events may wait to be sent. */
    private int queueCapacity = 10_000;

    /** What publish does when the queue is full: WAIT blocks, FAIL_FAST fails the event's future. */
    private PublisherOptions.Backpressure backpressure = PublisherOptions.Backpressure.WAIT;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getLinger() {
      return linger;
    }

    public void setLinger(Duration linger) {
      this.linger = linger;
    }

    public int getMaxInFlightRequests() {
      return maxInFlightRequests;
    }

    public void setMaxInFlightRequests(int maxInFlightRequests) {
      this.maxInFlightRequests = maxInFlightRequests;
    }

    public int getQueueCapacity() {
      return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    public PublisherOptions.Backpressure getBackpressure() {
      return backpressure;
    }

    public void setBackpressure(PublisherOptions.Backpressure backpressure) {
      this.backpressure = backpressure;
    }
  }

  /** The endpoints pusher-js posts to for private, presence and encrypted channels and sign-in. */
  public static class Auth {
    /** Whether to register the auth endpoints. */
    private boolean enabled = true;

    /** The channel authorization endpoint (pusher-js channelAuthorization.endpoint). */
    private String channelPath = "/pusher/auth";

    /** The user authentication endpoint (pusher-js userAuthentication.endpoint). */
    private String userPath = "/pusher/user-auth";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getChannelPath() {
      return channelPath;
    }

    public void setChannelPath(String channelPath) {
      this.channelPath = channelPath;
    }

    public String getUserPath() {
      return userPath;
    }

    public void setUserPath(String userPath) {
      this.userPath = userPath;
    }
  }

  /** The endpoint Channels posts webhooks to. */
  public static class Webhooks {
    /** Whether to register the webhook endpoint. */
    private boolean enabled = true;

    /** The webhook endpoint's path. */
    private String path = "/pusher/webhooks";

    /** Webhooks older than this (by their time_ms) are refused with 401. */
    private Duration maxAge = Duration.ofMinutes(5);

    /** The largest webhook body read; a larger one is refused with 413. */
    private DataSize maxBodySize = DataSize.ofKilobytes(256);

    /**
     * More key/secret pairs whose signatures are accepted, while a secret is being rotated (the
     * app's own key and secret always are).
     */
    private List<Credential> credentials = new ArrayList<>();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }

    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    public List<Credential> getCredentials() {
      return credentials;
    }

    public void setCredentials(List<Credential> credentials) {
      this.credentials = credentials;
    }
  }

  /** One more key/secret pair accepted on webhooks. */
  public static class Credential {
    /** The key the webhook names in X-Pusher-Key. */
    private String key;

    /** The secret it is signed with. Never logged. */
    private String secret;

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    @Override
    public String toString() {
      return "Credential[key=" + key + ", secret=<hidden>]";
    }
  }

  /** The health indicator. */
  public static class Health {
    /** Whether to contribute a channels4j health indicator when Actuator is present. */
    private boolean enabled = true;

    /**
     * Whether each health check also queries the API (one request per check, counted against the
     * app's quota). Off by default: health reflects the outcomes of recent requests.
     */
    private boolean probe = false;

    /** How many consecutive failed requests make health DOWN. */
    private int failureThreshold = 3;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isProbe() {
      return probe;
    }

    public void setProbe(boolean probe) {
      this.probe = probe;
    }

    public int getFailureThreshold() {
      return failureThreshold;
    }

    public void setFailureThreshold(int failureThreshold) {
      this.failureThreshold = failureThreshold;
    }
  }
}
