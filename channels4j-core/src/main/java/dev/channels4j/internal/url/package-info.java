/**
 * Not API. {@code PusherUrl}, the one reader and writer of {@code PUSHER_URL}
 * ({@code http(s)://key:secret@host[:port]/apps/<app-id>}), shared with the CLI and the local server.
 */
package dev.channels4j.internal.url;
