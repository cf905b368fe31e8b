/**
 * Not API. {@code CloseCodes}, the numbers of Pusher's WebSocket protocol (close codes and
 * {@code pusher:error} codes), shared by the local server and the protocol client.
 */
package dev.channels4j.internal.socket;
