/**
 * Not API. {@code AuthResponder} signs the answers to browsers' authorization requests; the JSON that is
 * signed is exactly the JSON returned.
 */
package dev.channels4j.internal.auth;
