/**
 * Not API. The default transport (the "send" step): Apache HttpClient 5, the async client for async
 * calls and the publisher and the classic one for blocking calls ({@code ApacheTransport},
 * {@code BlockingClient}), with bounded response bodies ({@code GuardedResponseConsumer}) a whole-exchange
 * deadline ({@code Watchdog}), TLS with the client's trust ({@code Tls}), and HttpClient's failures
 * read where HttpClient is known ({@code ApacheFailures}, handing {@code TransportFailure}s on).
 */
package dev.channels4j.internal.transport;
