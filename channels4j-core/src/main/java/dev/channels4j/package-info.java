/**
 * The client: {@link dev.channels4j.ChannelsClient} (blocking), {@link dev.channels4j.AsyncChannelsClient},
 * the auto-batching {@link dev.channels4j.Publisher}, the requests and results of the HTTP API, and the
 * exceptions ({@link dev.channels4j.ChannelsException} and its subtypes).
 *
 * <p>One trigger travels one way, each step in one class:
 * <pre>
 * ChannelsClient.trigger(channel, event, data)
 *   validate  internal.validation.Validation      names, ids, counts (called by internal.api.Requests)
 *   encode    internal.api.EventEncoder           data to the exact string sent, through spi.JsonCodec
 *   encrypt   internal.crypto.ChannelEncryption   private-encrypted- channels only (called by EventEncoder)
 *   body      internal.api.EventBodies            the JSON envelope, serialized once: ApiRequest
 *   sign      internal.signing.RequestSigner      afresh for every attempt (called by internal.api.Dispatcher)
 *   send      spi.Transport                       internal.transport.ApacheTransport by default
 *   judge     internal.api.Verdicts               an answer: success or ApiException (internal.api.Failures: no answer)
 *   retry     internal.api.Dispatcher             another attempt or not (internal.api.RetrySchedule, Retry-After)
 *   report    internal.api.AttemptReporter        each attempt to the RequestListener, if one is set
 *   parse     internal.api.Responses              the typed result (TriggerResult, ChannelInfo, ...)
 * </pre>
 *
 * <pre>{@code
 * try (ChannelsClient client = ChannelsClient.fromUrl(System.getenv("PUSHER_URL"))) {
 *   client.trigger("orders", "order-placed", Map.of("id", 42));
 * }
 * }</pre>
 */
package dev.channels4j;
