/**
 * Not API. {@code JsonObjects} writes the flat JSON objects that are ours (authorization answers) with
 * Jackson's generator, outside the pluggable codec.
 */
package dev.channels4j.internal.json;
