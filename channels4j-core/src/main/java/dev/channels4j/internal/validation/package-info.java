/**
 * Not API. The "validate" step: {@code Validation} holds every rule a name, id or size is checked against
 * before a request is built, so bad input fails with a message before anything is sent.
 */
package dev.channels4j.internal.validation;
