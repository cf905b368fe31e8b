/**
 * Not API. The default transport (the "send" step): Apache HttpClient 5, the async client for async
 * calls and the publisher and the classic one for blocking calls ({@code ApacheTransport},
 * {@code BlockingClient}), with bounded response bodies ({@code GuardedResponseConsumer}) and a whole-exchange
 * deadline ({@code Watchdog}).
 */
package dev.channels4j.internal.transport;
