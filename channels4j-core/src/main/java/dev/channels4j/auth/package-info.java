/**
 * Authorizing browsers: the answers to private, presence and encrypted channel subscriptions and to
 * user sign-ins ({@link dev.channels4j.auth.ChannelAuthResponse}, {@link dev.channels4j.auth.UserAuthResponse}),
 * and what the application says about its user ({@link dev.channels4j.auth.PresenceMember},
 * {@link dev.channels4j.auth.UserData}). Signed by {@code internal.auth.AuthResponder}.
 */
package dev.channels4j.auth;
