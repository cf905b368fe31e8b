package dev.channels4j.internal.api;

import dev.channels4j.ValidationException;
import dev.channels4j.internal.Errors;
import dev.channels4j.internal.crypto.ChannelEncryption;
import dev.channels4j.internal.validation.StrictUtf8;
import dev.channels4j.internal.validation.Validation;
import dev.channels4j.spi.JsonCodec;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a user's event data into the {@code data} string that is sent: a {@code String} as is, a
 * {@code byte[]} as its UTF-8 text, anything else as JSON; then encrypted for an encrypted channel;
 * then checked against the size limit.
 *
 * @param codec turns data other than text into JSON
 * @param encryption the master key's encryption, or {@code null} when none is configured
 * @param maxDataBytes the largest data string sent, in UTF-8 bytes
 */
public record EventEncoder(JsonCodec codec, ChannelEncryption encryption, int maxDataBytes) {

  /** The data string for one event on {@code channel}; {@code whichEvent} names it in errors. */
  public String dataFor(String channel, Object data, String whichEvent) {
    String plain = plainText(data, whichEvent);
    Validation.wellFormed(plain, whichEvent + " data");
    String sent = plain;
    if (Validation.isEncrypted(channel)) {
      sent = requireEncryption(channel).encrypt(channel, plain.getBytes(StandardCharsets.UTF_8)).toJson();
    }
    Validation.dataSize(utf8Length(sent), maxDataBytes, whichEvent);
    return sent;
  }

  /** Fails early, before any data is encoded, when an encrypted channel has no key to use. */
  public ChannelEncryption requireEncryption(String channel) {
    return ChannelEncryption.required(encryption, channel);
  }

  private String plainText(Object data, String whichEvent) {
    if (data instanceof String text) {
      return text;
    }
    if (data instanceof byte[] bytes) {
      try {
        return StrictUtf8.decode(bytes);
      } catch (CharacterCodingException e) {
        throw Errors.validation(whichEvent + " data bytes are not valid UTF-8");
      }
    }
    try {
      return codec.toJson(data);
    } catch (IllegalArgumentException e) {
      throw Errors.validation("event data cannot be serialized as JSON: " + e.getMessage(), e);
    }
  }

  /** The UTF-8 length of a string without encoding it. */
  static int utf8Length(String s) {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        length += 1;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
