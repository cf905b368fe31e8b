package dev.channels4j.local.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The strict text checks of a request body. Jackson decodes some invalid UTF-8 leniently (an
 * overlong {@code C0 AF} becomes {@code /}), so the body is decoded by the JDK's decoder, which
 * refuses overlong forms, encoded surrogates and truncated sequences, before it is parsed.
 */
final class Strict {
  private Strict() {}

  /** The body as text, or a 400 naming the first invalid byte. */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("The body is not valid UTF-8 (" + e.getMessage()
          + "): send the JSON as UTF-8, without overlong forms or encoded surrogates");
    }
  }

  /** Where the text holds a surrogate without its pair (from a JSON escape such as \\ud800), or -1. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
