/**
 * Not API. The "sign" step: {@code RequestSigner} signs HTTP API requests (auth_version 1.0) and verifies
 * them for the local server; {@code AuthSignatures} signs channel authorizations and sign-ins;
 * {@code Hashing} holds the HMAC-SHA256, MD5 and SHA-256 they share.
 */
package dev.channels4j.internal.signing;
