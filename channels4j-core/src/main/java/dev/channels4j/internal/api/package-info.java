/**
 * Not API. The request pipeline from the public calls to typed results: {@code Requests} validates
 * (through {@code Validation}) and builds each {@code ApiRequest}, {@code EventEncoder} encodes (and
 * encrypts) event data, {@code EventBodies} writes the bodies, {@code Dispatcher} signs each attempt,
 * sends it through the transport and judges the answer (retrying as {@code RetrySchedule} says), and
 * {@code Responses} parses it. {@code RawRequests} is the same path for the signed escape hatch.
 */
package dev.channels4j.internal.api;
