/**
 * Not API. The request pipeline from the public calls to typed results: {@code Requests} validates
 * (through {@code Validation}) and builds each {@code ApiRequest}, {@code EventEncoder} encodes (and
 * encrypts) event data, {@code EventBodies} writes the bodies, {@code Dispatcher} signs each attempt,
 * sends it through the transport, has {@code Verdicts} judge the answer (or {@code Failures} map the
 * failure) and retries as {@code RetrySchedule} says, telling the listener through
 * {@code AttemptReporter}; {@code Responses} parses the result. {@code RawRequests} is the same path for the signed escape hatch.
 */
package dev.channels4j.internal.api;
