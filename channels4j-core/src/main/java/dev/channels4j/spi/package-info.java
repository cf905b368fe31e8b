/**
 * What can be plugged in: the JSON codec of event data ({@link dev.channels4j.spi.JsonCodec}, Jackson 2 by
 * default) and the HTTP transport ({@link dev.channels4j.spi.Transport}, Apache HttpClient 5 by default),
 * the "send" step of the request pipeline drawn in {@link dev.channels4j}.
 */
package dev.channels4j.spi;
