package dev.channels4j.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One app served by a {@link LocalServer}: its credentials, its switches and where its webhooks go.
 * Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * LocalApp chat = LocalApp.builder()
 *     .id("chat").key("chat-key").secret("chat-secret")
 *     .clientEvents(true)
 *     .webhookUrl("http://127.0.0.1:8080/pusher/webhooks")
 *     .build();
 * }</pre>
 *
 * <p>{@link #defaults()} is soketi's default app: {@code app-id} / {@code app-key} / {@code app-secret}.
 */
public final class LocalApp {
  public static final String DEFAULT_ID = "app-id";
  public static final String DEFAULT_KEY = "app-key";
  public static final String DEFAULT_SECRET = "app-secret";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

  private final String id;
  private final String key;
  private final String secret;
  private final boolean clientEvents;
  private final boolean userAuthentication;
  private final boolean subscriptionCount;
  private final boolean enabled;
  private final List<URI> webhookUrls;

  private LocalApp(Builder b) {
    this.id = b.id;
    this.key = b.key;
    this.secret = b.secret;
    this.clientEvents = b.clientEvents;
    this.userAuthentication = b.userAuthentication;
    this.subscriptionCount = b.subscriptionCount;
    this.enabled = b.enabled;
    this.webhookUrls = List.copyOf(b.webhookUrls);
  }

  /** The default app, {@code app-id} / {@code app-key} / {@code app-secret}, every switch off. */
  public static LocalApp defaults() {
    return builder().build();
  }

  /** A builder starting from the default credentials with every switch off. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this app's settings, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).key(key).secret(secret)
        .clientEvents(clientEvents).userAuthentication(userAuthentication).subscriptionCount(subscriptionCount)
        .enabled(enabled);
    webhookUrls.forEach(b::webhookUrl);
    return b;
  }

  public String id() {
    return id;
  }

  public String key() {
    return key;
  }

  /** The app secret; never logged. */
  public String secret() {
    return secret;
  }

  /** Whether connections may send {@code client-} events on private and presence channels. */
  public boolean clientEvents() {
    return clientEvents;
  }

  /** Whether connections may sign in ({@code pusher:signin}). */
  public boolean userAuthentication() {
    return userAuthentication;
  }

  /**
   * Whether subscribers of non-presence channels get {@code pusher_internal:subscription_count}
   * events and the app gets {@code subscription_count} webhooks.
   */
  public boolean subscriptionCount() {
    return subscriptionCount;
  }

  /**
   * Whether the app is enabled; a disabled app answers API requests with 403 and refuses
   * connections with 4003, as Pusher does for a disabled app.
   */
  public boolean enabled() {
    return enabled;
  }

  /** Where webhooks are posted; empty when none. */
  public List<URI> webhookUrls() {
    return webhookUrls;
  }

  @Override
  public String toString() {
    return "LocalApp[id=" + id + ", key=" + key + ", secret=<hidden>, clientEvents=" + clientEvents
        + ", userAuthentication=" + userAuthentication + ", subscriptionCount=" + subscriptionCount
        + ", enabled=" + enabled + ", webhookUrls=" + webhookUrls + "]";
  }

  /** Builds a {@link LocalApp}; {@link #build()} says what to fix when a setting is wrong. */
  public static final class Builder {
    private String id = DEFAULT_ID;
    private String key = DEFAULT_KEY;
    private String secret = DEFAULT_SECRET;
    private boolean clientEvents;
    private boolean userAuthentication;
    private boolean subscriptionCount;
    private boolean enabled = true;
    private final List<URI> webhookUrls = new ArrayList<>();

    private Builder() {}

    /** The app id, as in {@code /apps/<id>}; letters, digits, {@code _} and {@code -}. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The public app key, as in {@code /app/<key>}. */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** The app secret that signs API requests, auth strings and webhooks. */
    public Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /** Allow {@code client-} events (default off, as on Pusher). */
    public Builder clientEvents(boolean enabled) {
      this.clientEvents = enabled;
      return this;
    }

    /** Allow {@code pusher:signin} (default off). */
    public Builder userAuthentication(boolean enabled) {
      this.userAuthentication = enabled;
      return this;
    }

    /** Broadcast subscription counts and send {@code subscription_count} webhooks (default off). */
    public Builder subscriptionCount(boolean enabled) {
      this.subscriptionCount = enabled;
      return this;
    }

    /** Enable or disable the app (default enabled). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Adds a URL webhooks are posted to; may be called several times. */
    public Builder webhookUrl(String url) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("webhook URL must not be empty; use http://host:port/path");
      }
      URI uri;
      try {
        uri = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("webhook URL \"" + url + "\" is not a valid URL: " + e.getMessage(), e);
      }
      return webhookUrl(uri);
    }

    /** Adds a URL webhooks are posted to; may be called several times. */
    public Builder webhookUrl(URI url) {
      if (url == null) {
        throw new IllegalArgumentException("webhook URL must not be null");
      }
      String scheme = url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || url.getHost() == null) {
        throw new IllegalArgumentException(
            "webhook URL \"" + url + "\" must be an absolute http:// or https:// URL with a host");
      }
      webhookUrls.add(url);
      return this;
    }

    /** Checks the settings and builds the app. */
    public LocalApp build() {
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "app id \"" + id + "\" must be non-empty and contain only letters, digits, _ and -");
      }
      if (key == null || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "app key \"" + key + "\" must be non-empty and contain only letters, digits, ., _ and -");
      }
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("app secret must not be empty");
      }
      return new LocalApp(this);
    }
  }
}
