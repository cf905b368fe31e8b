/**
 * Not API: everything under {@code dev.channels4j.internal} may change without notice and is exported
 * only to channels4j's own modules. This package holds the exception factory the internal packages
 * use ({@code Errors}); the steps of the request pipeline (drawn in {@link dev.channels4j}) are in its
 * sub-packages.
 */
package dev.channels4j.internal;
