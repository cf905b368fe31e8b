package dev.channels4j;

import dev.channels4j.auth.AuthRequest;
import dev.channels4j.auth.ChannelAuthResponse;
import dev.channels4j.auth.PresenceMember;
import dev.channels4j.auth.UserAuthResponse;
import dev.channels4j.auth.UserData;
import dev.channels4j.internal.api.ApiRequest;
import dev.channels4j.internal.api.ClientSettings;
import dev.channels4j.internal.api.Dispatcher;
import dev.channels4j.internal.api.RawRequests;
import dev.channels4j.internal.api.Requests;
import dev.channels4j.internal.api.Responses;
import dev.channels4j.internal.auth.AuthResponder;
import dev.channels4j.internal.publish.BatchingPublisher;
import dev.channels4j.internal.signing.AuthSignatures;
import dev.channels4j.internal.transport.ApacheTransport;
import dev.channels4j.internal.url.PusherUrl;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.internal.webhook.WebhookCredential;
import dev.channels4j.internal.webhook.WebhookReader;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import dev.channels4j.spi.Transport;
import dev.channels4j.webhook.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * A client of one Pusher Channels app: publishes events, queries channels, authorizes
 * subscriptions, signs users in and verifies webhooks. Immutable and thread-safe: build one per
 * app and share it; {@link #close()} it when the application stops.
 *
 * <pre>{@code
 * ChannelsClient client = ChannelsClient.builder()
 *     .appId("123").key("key").secret("secret")
 *     .cluster("eu")
 *     .build();
 *
 * client.trigger("orders", "created", Map.of("id", 42));            // data as JSON
 * String auth = client.authorizeChannel(socketId, "private-orders").toJson(); // {"auth":"key:..."}
 * Webhook hook = client.verifyWebhook(headers, body);
 * client.async().trigger("orders", "shipped", "{\"id\":42}");        // CompletableFuture
 * }</pre>
 *
 * <p>Every operation validates its input before sending and throws a {@link ValidationException}
 * naming the problem; API errors are {@link ApiException}s, network failures
 * {@link TransportException}s.
 */
public final class ChannelsClient implements AutoCloseable {
  private final ClientSettings settings;
  private final Requests requests;
  private final Dispatcher dispatcher;
  private final AsyncChannelsClient async;
  private final AuthResponder authResponder;
  private final WebhookReader webhooks;
  private final RawRequests rawRequests;
  /** The publishers made and not yet closed: closing the client fails what they still hold. */
  private final Set<BatchingPublisher> publishers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  /** Whether the transport was made by the builder, and so is the client's to close. */
  private final boolean ownsTransport;

  ChannelsClient(ClientSettings settings, List<WebhookCredential> webhookCredentials, boolean ownsTransport) {
    this.settings = settings;
    this.ownsTransport = ownsTransport;
    this.requests = new Requests(settings);
    this.rawRequests = new RawRequests(settings);
    this.dispatcher = new Dispatcher(settings);
    this.async = new AsyncChannelsClient(requests, dispatcher, rawRequests);
    this.authResponder =
        new AuthResponder(new AuthSignatures(settings.key(), settings.secret()), settings.codec(),
            settings.encryption());
    this.webhooks = new WebhookReader(
        settings.key(), settings.secret(), webhookCredentials, settings.codec(), settings.encryption());
  }

  /** A builder; app id, key, secret and a cluster or host are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client for {@code http(s)://key:secret@host[:port]/apps/<id>}; other settings default. */
  public static ChannelsClient fromUrl(String url) {
    return builder().url(url).build();
  }

  /** A client for the URL in the environment variable {@code PUSHER_URL}. */
  public static ChannelsClient fromEnv() {
    return fromEnv("PUSHER_URL");
  }

  /** A client for the URL in the named environment variable. */
  public static ChannelsClient fromEnv(String variable) {
    return fromEnv(variable, System::getenv);
  }

  static ChannelsClient fromEnv(String variable, Function<String, String> environment) {
    String url = environment.apply(variable);
    if (url == null || url.isBlank()) {
      throw new ValidationException("url",
          "environment variable " + variable + " is not set; set it to http(s)://key:secret@host[:port]/apps/<app-id>",
          null);
    }
    return builder().url(url, variable).build();
  }

  /** The same operations, returning {@link CompletableFuture}s. */
  public AsyncChannelsClient async() {
    return async;
  }

  // ---- publishing -------------------------------------------------------------------------

  /**
   * Publishes an event on one channel. {@code data}: a String is sent as is, a {@code byte[]} as
   * its UTF-8 text, anything else as JSON through the configured {@link JsonCodec}.
   */
  public TriggerResult trigger(String channel, String event, Object data) {
    return trigger(Event.of(channel, event, data));
  }

  /** Publishes an event on up to 100 channels (an encrypted channel must be triggered alone). */
  public TriggerResult trigger(List<String> channels, String event, Object data) {
    return trigger(Event.of(channels, event, data));
  }

  /**
   * Publishes an event with options: an excluded socket id, attributes to return.
   *
   * <p>Any 2xx answer is a success. Without {@code info}, the body is not read: the API's answer
   * to a plain trigger carries nothing the caller uses (Pusher answers {@code {}}, soketi
   * {@code {"ok":true}}, some compatible servers an empty body), so a body that is not JSON is no
   * reason to report a published event as failed. With {@code info}, the counts asked for must be
   * there: a 2xx whose body is not a JSON object throws an {@link ApiException} saying so (a proxy
   * in the way answering for the API looks like this).
   */
  public TriggerResult trigger(Event event) {
    return callWithRequest(() -> requests.trigger(event), Responses::trigger);
  }

  /**
   * Publishes up to the batch limit (10 by default) of events in one request; each event names
   * exactly one channel. Like {@link #trigger(Event)}, a 2xx answer that is not JSON is a success
   * unless an event asked for {@code info}, and then an {@link ApiException}.
   */
  public BatchResult triggerBatch(List<Event> events) {
    return callWithRequest(() -> requests.batch(events), Responses::batch);
  }

  /** Publishes an event to every connection signed in as {@code userId}. */
  public void sendToUser(String userId, String event, Object data) {
    call(() -> requests.sendToUser(userId, event, data), response -> null);
  }

  /** Closes every connection signed in as {@code userId}; they may reconnect. */
  public void terminateUserConnections(String userId) {
    call(() -> requests.terminateUserConnections(userId), response -> null);
  }

  /**
   * A {@link Publisher} with {@link PublisherOptions#defaults() default options}: accepts single
   * events and sends them in batches. Close it before this client: {@link #close()} closes the
   * publishers still open without waiting for their events.
   */
  public Publisher publisher() {
    return publisher(PublisherOptions.defaults());
  }

  /** A {@link Publisher} that batches, bounds and lingers as {@code options} say. */
  public Publisher publisher(PublisherOptions options) {
    if (options == null) {
      throw new ValidationException("options must not be null; use PublisherOptions.defaults()");
    }
    BatchingPublisher[] made = new BatchingPublisher[1];
    made[0] = new BatchingPublisher(requests, dispatcher, options, () -> publishers.remove(made[0]));
    publishers.add(made[0]);
    if (closed) {
      made[0].abort("the client was closed");
    }
    return made[0];
  }

  // ---- queries ----------------------------------------------------------------------------
  // A query's answer is its result: a 2xx whose body is not the JSON object expected is an
  // ApiException naming the problem, never an empty result.

  /** Every occupied channel. */
  public ChannelList channels() {
    return channels(ChannelsQuery.all());
  }

  /** The occupied channels the query selects. */
  public ChannelList channels(ChannelsQuery query) {
    return callWithRequest(() -> requests.channels(query), Responses::channels);
  }

  /**
   * Whether a channel is occupied, and the attributes asked for: {@link Info#USER_COUNT}
   * (presence), {@link Info#SUBSCRIPTION_COUNT}, {@link Info#CACHE} (cache channels).
   */
  public ChannelInfo channel(String channel, Info... attributes) {
    return callWithRequest(
        () -> requests.channel(channel, attributes != null && attributes.length == 0 ? Set.of() : Info.setOf(attributes)),
        (request, response) -> Responses.channel(request, response, channel));
  }

  /** The ids of the users on a presence channel. */
  public List<String> users(String presenceChannel) {
    return callWithRequest(() -> requests.users(presenceChannel), Responses::users);
  }

  // ---- authorization (no network) ---------------------------------------------------------

  /**
   * The answer to a browser's request to subscribe to a {@code private-} or
   * {@code private-encrypted-} channel: the signature, plus the shared secret for an encrypted
   * channel. Send its {@link ChannelAuthResponse#toJson() toJson()}. Read the browser's form body
   * with {@link AuthRequest#fromForm(String)}.
   */
  public ChannelAuthResponse authorizeChannel(String socketId, String channel) {
    return authResponder.authorizeChannel(socketId, channel);
  }

  /** The answer to a request to join a {@code presence-} channel as {@code member}. */
  public ChannelAuthResponse authorizePresenceChannel(String socketId, String channel, PresenceMember member) {
    return authResponder.authorizePresenceChannel(socketId, channel, member);
  }

  /** The answer to a user sign-in request: the signature and the signed user data. */
  public UserAuthResponse authenticateUser(String socketId, UserData user) {
    return authResponder.authenticateUser(socketId, user);
  }

  // ---- webhooks (no network) --------------------------------------------------------------

  /**
   * Verifies a webhook and returns its events, decrypting those of encrypted channels.
   *
   * <p>{@code X-Pusher-Key} and {@code X-Pusher-Signature} must each appear exactly once (names
   * matched case-insensitively): a request carrying either twice is refused whatever the order
   * of the values, so no proxy or framework can choose which one is checked.
   *
   * @param headers the request's headers, as {@link #signWebhook(byte[])} returns them
   * @param body the raw body bytes, exactly as received
   * @throws WebhookVerificationException when anything is wrong; nothing partial is returned
   * @throws ValidationException when {@code headers} or {@code body} is {@code null}
   */
  public Webhook verifyWebhook(Map<String, List<String>> headers, byte[] body) {
    return webhooks.verify(headers, body);
  }

  /**
   * As {@link #verifyWebhook(Map, byte[])}, for frameworks that hand you the two header values
   * ({@code @RequestHeader("X-Pusher-Key") String key}). A {@code null} key or signature is a
   * missing header and fails verification.
   *
   * <pre>{@code
   * Webhook hook = client.verifyWebhook(request.getHeader("X-Pusher-Key"),
   *     request.getHeader("X-Pusher-Signature"), body);
   * }</pre>
   *
   * @throws WebhookVerificationException when anything is wrong; nothing partial is returned
   * @throws ValidationException when {@code body} is {@code null}
   */
  public Webhook verifyWebhook(String key, String signature, byte[] body) {
    return webhooks.verify(key, signature, body);
  }

  /**
   * The headers ({@code X-Pusher-Key}, {@code X-Pusher-Signature}) a genuine webhook with this body
   * would carry, in the shape {@link #verifyWebhook(Map, byte[])} takes; for your own tests of a
   * webhook endpoint. Unmodifiable.
   */
  public Map<String, List<String>> signWebhook(byte[] body) {
    return webhooks.sign(body);
  }

  /**
   * Closes the client, promptly (requests in flight do not delay it). What it does to what the
   * client uses:
   * <ul>
   *   <li>the default transport (the one the builder made): its connection pool and threads are
   *       released; requests in flight fail with a {@link TransportException} saying the client
   *       was closed, without a retry, and so does any call made afterwards;
   *   <li>requests waiting to be retried, whatever the transport: they fail at once with that
   *       {@link TransportException}, and no retry starts after the close;
   *   <li>a {@link Transport} you passed to {@link Builder#transport(Transport)}: <b>left open</b>.
   *       You made it, you may share it between clients, so you close it, after the clients that
   *       use it (as OkHttp leaves an {@code ExecutorService} you gave its dispatcher alone);
   *   <li>the {@link Publisher}s this client made that are still open: closed without waiting,
   *       their queued events failing with {@link PublishRejectedException}, those in flight with a
   *       {@link TransportException}; their threads end. To let their events go out, close the
   *       publishers first (try-with-resources does, in reverse order of opening).
   * </ul>
   * Idempotent. Nothing else of the client needs closing: {@link #async()} shares this client's
   * resources.
   *
   * <pre>{@code
   * try (ChannelsClient client = ChannelsClient.fromEnv();
   *     Publisher publisher = client.publisher()) {
   *   publisher.publish(Event.of("orders", "created", order));
   * } // publisher closed first (its events delivered), then the client
   * }</pre>
   */
  @Override
  public void close() {
    closed = true;
    dispatcher.close();
    for (BatchingPublisher publisher : List.copyOf(publishers)) {
      publisher.abort("the client was closed");
    }
    if (ownsTransport) {
      settings.transport().close();
    }
  }

  @Override
  public String toString() {
    return "ChannelsClient[appId=" + settings.appId() + ", key=" + settings.key() + ", baseUri="
        + settings.baseUri() + ", secret=<hidden>"
        + (settings.encryption() == null ? "" : ", encryptionMasterKey=<hidden>") + "]";
  }

  // ---- any endpoint, signed; shared secrets ---------------------------------------------

  /**
   * Sends a signed {@code GET} to any endpoint of the app, for API features this client has no
   * method for. {@code path} is relative to {@code /apps/<app-id>} and is sent and signed exactly
   * as given; the query parameters are signed with it and percent-encoded on the wire.
   *
   * <pre>{@code
   * RawResponse r = client.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
   * r.status();  // 200
   * r.body();    // {"channels":{...}}
   * }</pre>
   *
   * @param path starts with {@code /}, holds no {@code ?} or {@code #}, characters outside
   *     RFC 3986's path alphabet percent-encoded, no segment a server would read as {@code .} or
   *     {@code ..}: not literally, nor percent-encoded ({@code %2e}, also twice: {@code %252e}),
   *     nor with {@code ;parameters} ({@code ..;x}), nor split by an encoded {@code /} or {@code \}
   * @param query lower-case parameter names; none of the {@code auth_*} or {@code body_md5} names
   *     the signature uses; values well-formed Unicode (no unpaired surrogate)
   * @return the 2xx answer; an error status throws an {@link ApiException} carrying the body, as
   *     every operation does, and GETs are retried as the {@link RetryPolicy} says
   * @throws ValidationException for a bad path or parameter, before anything is sent
   */
  public RawResponse get(String path, Map<String, String> query) {
    return call(() -> rawRequests.get(path, query), RawResponse::of);
  }

  /**
   * Sends a signed {@code POST} with a JSON body to any endpoint of the app. {@code body}: a
   * String is sent as is, a {@code byte[]} as its bytes, anything else as JSON through the
   * configured {@link JsonCodec}; its MD5 is signed.
   *
   * <pre>{@code
   * RawResponse r = client.post("/events", Map.of("name", "ev", "channels", List.of("a"), "data", "{}"));
   * }</pre>
   *
   * @param path as for {@link #get(String, Map)}
   * @return the 2xx answer; an error status throws an {@link ApiException}
   * @throws ValidationException for a bad path or a body that cannot be serialized, before anything is sent
   */
  public RawResponse post(String path, Object body) {
    return call(() -> rawRequests.post(path, body), RawResponse::of);
  }

  /**
   * The 32-byte key that end-to-end encrypts a {@code private-encrypted-} channel, derived from
   * the master key ({@code SHA-256(channel name ‖ master key)}); what an authorization answer
   * carries base64-encoded as {@code shared_secret}. No network; a new array each call.
   *
   * <pre>{@code
   * byte[] key = client.sharedSecret("private-encrypted-payments");
   * }</pre>
   *
   * @throws ValidationException when the channel name is invalid or not {@code private-encrypted-},
   *     or no encryption master key is configured
   */
  public byte[] sharedSecret(String encryptedChannel) {
    Validation.notNull(encryptedChannel, "encryptedChannel");
    Validation.channelName(encryptedChannel);
    if (ChannelType.of(encryptedChannel) != ChannelType.PRIVATE_ENCRYPTED) {
      throw new ValidationException(
          "channel \"" + encryptedChannel + "\" is not encrypted: only private-encrypted- channels have a shared secret");
    }
    if (settings.encryption() == null) {
      throw new ValidationException(
          "no encryption master key is configured, so channel \"" + encryptedChannel + "\" has no shared secret;"
              + " set encryptionMasterKeyBase64(...) on the builder");
    }
    return settings.encryption().sharedSecret(encryptedChannel);
  }

  // Blocking calls send on the calling thread (Dispatcher.sendBlocking), not by waiting for the
  // async path: that would cost two thread hand-offs per request.
  private <T> T call(Supplier<ApiRequest> build, Function<Dispatcher.ApiResponse, T> read) {
    return callWithRequest(build, (request, response) -> read.apply(response));
  }

  private <T> T callWithRequest(Supplier<ApiRequest> build, BiFunction<ApiRequest, Dispatcher.ApiResponse, T> read) {
    ApiRequest request = build.get();
    return read.apply(request, dispatcher.sendBlocking(request));
  }

  /**
   * Builds a {@link ChannelsClient}. Required: {@link #appId}, {@link #key}, {@link #secret}, and
   * either {@link #cluster} or {@link #host}. Each setter refuses a bad value at the call, and
   * {@link #build()} what only the settings together show (a missing one, a port given twice),
   * with a {@link ValidationException} naming the setting ({@link ValidationException#setting()})
   * and what to fix.
   *
   * <pre>{@code
   * ChannelsClient local = ChannelsClient.builder()
   *     .appId("app-id").key("app-key").secret("app-secret")
   *     .host("127.0.0.1").port(6001).useTls(false)
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    String appId;
    String key;
    String secret;
    String cluster;
    ClientBuild.Host host;
    String hostSetting;
    Integer port;
    boolean useTls = true;
    Duration timeout = Duration.ofSeconds(5);
    Duration connectTimeout = Duration.ofSeconds(3);
    byte[] masterKeyFromBase64;
    byte[] masterKey;
    int maxDataSize = 10 * 1024;
    int maxBatchSize = 10;
    int maxConnections = 256;
    int maxResponseSize = ApacheTransport.DEFAULT_MAX_RESPONSE_BYTES;
    Duration connectionTimeToLive = ApacheTransport.DEFAULT_CONNECTION_TIME_TO_LIVE;
    ApacheTransport.Proxy proxy;
    SSLContext sslContext;
    RequestListener requestListener;
    LongSupplier ticker = System::nanoTime;
    JsonCodec codec = JacksonJsonCodecs.defaults();
    Transport transport;
    Clock clock = Clock.systemUTC();
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    final List<WebhookCredential> webhookCredentials = new ArrayList<>();

    private Builder() {}

    /**
     * The app's id, as the dashboard shows it: letters, digits, {@code _} and {@code -}.
     *
     * @throws ValidationException when null, empty or holding other characters
     */
    public Builder appId(String appId) {
      this.appId = ClientBuild.appId(appId);
      return this;
    }

    /**
     * The app's key (public).
     *
     * @throws ValidationException when null or empty
     */
    public Builder key(String key) {
      this.key = ClientBuild.required(key, "key", "key(\"your-app-key\")");
      return this;
    }

    /**
     * The app's secret; never printed by this library.
     *
     * @throws ValidationException when null or empty
     */
    public Builder secret(String secret) {
      this.secret = ClientBuild.required(secret, "secret", "secret(\"your-app-secret\")");
      return this;
    }

    /**
     * The cluster, e.g. {@code eu}: the API host becomes {@code api-eu.pusher.com}. When
     * {@link #host} is set too, the host wins and the cluster is ignored (the cluster only names
     * a host; an explicit host is the more specific setting). {@code null} unsets it.
     *
     * @throws ValidationException when not a cluster name (lower-case letters, digits, {@code -}),
     *     even when a host is set too
     */
    public Builder cluster(String cluster) {
      this.cluster = ClientBuild.cluster(cluster);
      return this;
    }

    /**
     * A host of your own (a local server, soketi), instead of a cluster; it wins over
     * {@link #cluster} when both are set. May carry the port, {@code "example.com:6001"} or
     * {@code "[::1]:6001"} (then a different {@link #port} is an error). Host names may contain
     * underscores (Docker Compose service names). {@code null} unsets it.
     *
     * @throws ValidationException when not a host name or IP address (a scheme or a path is
     *     refused), or when the port it carries is not between 1 and 65535
     */
    public Builder host(String host) {
      this.host = ClientBuild.host(host);
      this.hostSetting = host;
      return this;
    }

    /**
     * The port; defaults to 443 with TLS and 80 without.
     *
     * @throws ValidationException when not between 1 and 65535
     */
    public Builder port(int port) {
      this.port = ClientBuild.port(port);
      return this;
    }

    /** HTTPS (the default) or plain HTTP, for local servers. */
    public Builder useTls(boolean useTls) {
      this.useTls = useTls;
      return this;
    }

    /**
     * How long one request may take, connection included. Default 5 s; at most 1 hour (the API
     * answers in milliseconds, and a longer bound would only hide a hung request).
     *
     * @throws ValidationException when null, not positive, or over 1 hour
     */
    public Builder timeout(Duration timeout) {
      this.timeout = ClientBuild.timeout(timeout, "timeout");
      return this;
    }

    /**
     * How long opening a connection may take. Default 3 s; at most 1 hour.
     *
     * @throws ValidationException when null, not positive, or over 1 hour
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = ClientBuild.timeout(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * The end-to-end encryption master key: 32 bytes, standard base64 (44 characters).
     * {@code null} unsets it. Give the key in one form only: {@link #build()} refuses both.
     *
     * @throws ValidationException when not base64 or not 32 bytes (the message never quotes the key)
     */
    public Builder encryptionMasterKeyBase64(String masterKeyBase64) {
      this.masterKeyFromBase64 = ClientBuild.masterKeyBase64(masterKeyBase64);
      return this;
    }

    /**
     * The end-to-end encryption master key as 32 raw bytes (copied). {@code null} unsets it. Give
     * the key in one form only: {@link #build()} refuses both.
     *
     * @throws ValidationException when not 32 bytes
     */
    public Builder encryptionMasterKey(byte[] masterKey) {
      this.masterKey = ClientBuild.masterKey(masterKey);
      return this;
    }

    /**
     * The largest event data in bytes (after encryption). Default 10240; dedicated clusters allow more.
     *
     * @throws ValidationException when below 1
     */
    public Builder maxDataSize(int bytes) {
      this.maxDataSize = ClientBuild.atLeastOne(bytes, "maxDataSize", " byte");
      return this;
    }

    /**
     * The most events one batch may hold. Default 10.
     *
     * @throws ValidationException when below 1
     */
    public Builder maxBatchSize(int events) {
      this.maxBatchSize = ClientBuild.atLeastOne(events, "maxBatchSize", "");
      return this;
    }

    /**
     * The most pooled connections of the default transport, in each of its two pools: blocking
     * calls read their answers on the calling thread, {@code async()} and the publisher on the
     * transport's I/O threads. Default 256, the publisher's default ceiling of requests in flight
     * ({@link PublisherOptions.Builder#maxInFlightRequests}): over HTTP/1.1 each request in flight
     * holds a connection. Connections are opened as needed, not up front.
     *
     * @throws ValidationException when below 1
     */
    public Builder maxConnections(int connections) {
      this.maxConnections = ClientBuild.atLeastOne(connections, "maxConnections", "");
      return this;
    }

    /**
     * The most bytes of a response body the default transport reads. Default 4 MiB (4 194 304):
     * the API answers in kilobytes, even a full channel list. A larger answer fails the call with
     * a {@link TransportException} of kind {@link TransportException.Kind#RESPONSE_TOO_LARGE}, and
     * its connection is dropped without reading further, so a broken or hostile server cannot
     * exhaust the heap.
     *
     * @throws ValidationException when below 1
     */
    public Builder maxResponseSize(int bytes) {
      this.maxResponseSize = ClientBuild.atLeastOne(bytes, "maxResponseSize", " byte");
      return this;
    }

    /**
     * How long the default transport reuses a connection, counted from its opening, however busy
     * it is. Default 5 minutes. A connection outliving a DNS change would keep sending to the old
     * address; with this bound, new addresses are used within it (once the JVM's own DNS cache,
     * {@code networkaddress.cache.ttl}, has expired too). At most 1 hour.
     *
     * @throws ValidationException when null, not positive, or over 1 hour
     */
    public Builder connectionTimeToLive(Duration timeToLive) {
      this.connectionTimeToLive = ClientBuild.timeout(timeToLive, "connectionTimeToLive");
      return this;
    }

    /**
     * The TLS trust of the default transport's HTTPS connections, for a server whose certificate a
     * private CA signed (a self-hosted server, a corporate proxy's CA): an {@link SSLContext}
     * initialized with a trust store holding that CA. Default: the JVM's trust store. Host names are
     * verified either way; there is no switch to trust every certificate.
     *
     * <pre>{@code
     * KeyStore trusted = KeyStore.getInstance("PKCS12");
     * trusted.load(Files.newInputStream(Path.of("ca.p12")), password);
     * TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
     * tmf.init(trusted);
     * SSLContext tls = SSLContext.getInstance("TLS");
     * tls.init(null, tmf.getTrustManagers(), null);
     * ChannelsClient client = ChannelsClient.builder().url(url).sslContext(tls).build();
     * }</pre>
     *
     * @throws ValidationException when {@code sslContext} is null
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = ClientBuild.notNull(sslContext, "sslContext", "; leave it unset for the JVM's trust store");
      return this;
    }

    /**
     * Hears of every request the client sends, each attempt once it ended: operation, outcome,
     * HTTP status, duration. For metrics; see {@link RequestListener} for the thread it runs on.
     *
     * @throws ValidationException when {@code listener} is null
     */
    public Builder requestListener(RequestListener listener) {
      this.requestListener = ClientBuild.notNull(listener, "requestListener", "");
      return this;
    }

    /** The monotonic nanosecond clock request durations are measured on. For tests. */
    Builder ticker(LongSupplier ticker) {
      this.ticker = ClientBuild.notNull(ticker, "ticker", "");
      return this;
    }

    /**
     * Sends every request through an HTTP proxy.
     *
     * @throws ValidationException when the host is null or empty, or the port not between 1 and 65535
     */
    public Builder proxy(String host, int port) {
      this.proxy = ClientBuild.proxy(host, port, null, null);
      return this;
    }

    /**
     * Sends every request through an HTTP proxy that asks for credentials.
     *
     * @throws ValidationException when the host is null or empty, the port not between 1 and
     *     65535, or the username or password null
     */
    public Builder proxy(String host, int port, String username, String password) {
      if (username == null || password == null) {
        throw invalid("proxy", "proxy username and password must both be given");
      }
      this.proxy = ClientBuild.proxy(host, port, username, password);
      return this;
    }

    /** The JSON codec for event data, user info and responses. Default: Jackson 2. */
    public Builder jsonCodec(JsonCodec codec) {
      this.codec = ClientBuild.notNull(codec, "jsonCodec", "");
      return this;
    }

    /**
     * The HTTP transport. Default: Apache HttpClient 5 with a pooled connection manager. A
     * transport you pass is <b>not</b> closed by {@link ChannelsClient#close()}: close it yourself
     * once every client using it is closed. Its timeouts and proxy settings are then yours too.
     *
     * @throws ValidationException when {@code transport} is null
     */
    public Builder transport(Transport transport) {
      this.transport = ClientBuild.notNull(transport, "transport", "; leave it unset for the default transport");
      return this;
    }

    /** The clock that dates request signatures. For tests; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = ClientBuild.notNull(clock, "clock", "");
      return this;
    }

    /** When to retry failed requests. Default {@link RetryPolicy#defaults()}: queries only. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = ClientBuild.notNull(retryPolicy, "retryPolicy", "; use RetryPolicy.none()");
      return this;
    }

    /**
     * Takes app id, key, secret, host, port and TLS from {@code http(s)://key:secret@host[:port]/apps/<id>}.
     */
    public Builder url(String url) {
      return url(url, "URL");
    }

    Builder url(String url, String source) {
      PusherUrl parsed = PusherUrl.parse(url, source);
      key(parsed.key()).secret(parsed.secret()).appId(parsed.appId()).host(parsed.host()).useTls(parsed.useTls());
      this.port = parsed.port() == null ? null : ClientBuild.port(parsed.port());
      this.cluster = null;
      return this;
    }

    /**
     * One more key and secret a webhook may be signed with, for rotating credentials (Node's
     * {@code extraTokens}). Repeatable; the client's own key and secret always count. The
     * {@code X-Pusher-Key} header selects the secret(s) the signature is checked against; keys and
     * signatures are compared in constant time.
     *
     * <pre>{@code
     * ChannelsClient.builder().appId("123").key("new-key").secret("new-secret").cluster("eu")
     *     .webhookCredentials("old-key", "old-secret")   // still accepted while webhooks move over
     *     .build();
     * }</pre>
     *
     * @throws ValidationException when key or secret is null or empty
     */
    public Builder webhookCredentials(String key, String secret) {
      if (key == null || key.isEmpty()) {
        throw invalid("webhookCredentials", "webhookCredentials key must not be empty");
      }
      if (secret == null || secret.isEmpty()) {
        throw invalid("webhookCredentials", "webhookCredentials secret for key " + key + " must not be empty");
      }
      webhookCredentials.add(new WebhookCredential(key, secret));
      return this;
    }

    /**
     * Builds the client. The setters have checked their values; this checks what needs several
     * settings together: app id, key, secret and a cluster or host are set, a port given in
     * {@link #host} and by {@link #port} agrees, the master key is given in one form, and
     * {@link #sslContext} goes with the default transport only.
     *
     * @throws ValidationException naming the setting to fix
     */
    public ChannelsClient build() {
      return ClientBuild.build(this);
    }

    private static ValidationException invalid(String setting, String message) {
      return ClientBuild.invalid(setting, message);
    }

    @Override
    public String toString() {
      return "ChannelsClient.Builder[appId=" + appId + ", key=" + key + ", secret=<hidden>]";
    }
  }
}
