/**
 * Not API. The "encrypt" step: {@code ChannelEncryption}, NaCl secretbox for {@code private-encrypted-}
 * channels (Bouncy Castle, optional), also used to decrypt webhooks and by the protocol client.
 */
package dev.channels4j.internal.crypto;
