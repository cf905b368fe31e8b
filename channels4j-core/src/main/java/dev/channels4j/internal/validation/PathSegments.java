package dev.channels4j.internal.validation;

/**
 * Whether a server could read a raw path segment as {@code .} or {@code ..}, and so resolve the
 * request to another resource than the signed one (outside {@code /apps/<app-id>}).
 *
 * <p>The readings considered, each a thing common servers do before resolving dot segments:
 * <ul>
 *   <li>percent-decoding ({@code %2e}, {@code %2E}; RFC 3986 makes them equal to {@code .}),
 *       repeated: a proxy that decodes once in front of a server that decodes again turns
 *       {@code %252e} into {@code .}, so every decoding up to the fixed point is checked;
 *   <li>dropping path parameters, {@code ;} to the end of the segment, as servlet containers do
 *       ({@code ..;x} is {@code ..} to Tomcat);
 *   <li>splitting at a decoded {@code /} ({@code %2f}) or a backslash, which some servers take as a
 *       separator ({@code ..%2f..} is two {@code ..} to them);
 *   <li>the overlong UTF-8 forms of {@code .} and {@code /} ({@code %c0%ae}, {@code %c0%af}), which
 *       old decoders accepted.
 * </ul>
 * Not considered: Unicode compatibility folding (a full-width dot, U+FF0E), which no common Java or
 * Node server applies to paths. A refused segment is rare in real use (a channel named {@code ..;x}),
 * and refusing it costs nothing, so the readings err on the side of refusing.
 */
public final class PathSegments {
  /** Enough for any real stack (each decoding strips one level); bounds the work on hostile input. */
  private static final int MAX_DECODINGS = 8;

  private PathSegments() {}

  /** Whether any segment of {@code path} (split at {@code /}) is read as a dot segment. */
  public static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      if (readAsDotSegment(segment)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the one raw segment could be read as {@code .} or {@code ..}. */
  public static boolean readAsDotSegment(String segment) {
    String current = segment;
    for (int round = 0; round <= MAX_DECODINGS; round++) {
      if (anyPieceIsDots(current)) {
        return true;
      }
      String decoded = decodeOnce(current);
      if (decoded.equals(current)) {
        return false;
      }
      current = decoded;
    }
    return true; // still decoding after that many rounds: nothing legitimate looks like this
  }

  private static boolean anyPieceIsDots(String text) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '/' || text.charAt(i) == '\\') {
        String piece = text.substring(start, i);
        int parameters = piece.indexOf(';');
        String bare = parameters < 0 ? piece : piece.substring(0, parameters);
        if (bare.equals(".") || bare.equals("..")) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /**
   * One round of percent-decoding, byte by byte to chars (only ASCII matters here), the overlong
   * forms of {@code .} and {@code /} read as those; a {@code %} that starts no escape stays.
   */
  private static String decodeOnce(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int escaped = c == '%' ? escapedByte(text, i) : -1;
      if (escaped < 0) {
        out.append(c);
        continue;
      }
      int next = i + 3 < text.length() && text.charAt(i + 3) == '%' ? escapedByte(text, i + 3) : -1;
      if (escaped == 0xC0 && (next == 0xAE || next == 0xAF)) {
        out.append(next == 0xAE ? '.' : '/');
        i += 5;
      } else {
        out.append((char) escaped);
        i += 2;
      }
    }
    return out.toString();
  }

  private static int escapedByte(String text, int at) {
    if (at + 2 >= text.length()) {
      return -1;
    }
    int high = Character.digit(text.charAt(at + 1), 16);
    int low = Character.digit(text.charAt(at + 2), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
