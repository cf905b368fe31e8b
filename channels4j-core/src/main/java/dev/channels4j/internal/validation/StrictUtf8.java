package dev.channels4j.internal.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: a lenient decoder (or {@code new String(bytes, UTF_8)}) silently turns
 * invalid bytes (an overlong {@code C0 AF}, a lone continuation byte, an encoded surrogate) into
 * U+FFFD, so that what is signed, sent or checked would differ from what was given.
 *
 * <pre>{@code
 * String text = StrictUtf8.decode(body);   // CharacterCodingException naming the first bad byte
 * }</pre>
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** The text, or a {@link CharacterCodingException} for the first byte that is not UTF-8. */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
