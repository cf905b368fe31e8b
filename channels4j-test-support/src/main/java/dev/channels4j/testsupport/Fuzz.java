package dev.channels4j.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a property over seeded random inputs: plain JUnit, no property-testing library. Each case
 * draws from its own {@link SplittableRandom}, seeded from the run's seed and the case's index, so
 * one failing case can be run again alone.
 *
 * <p>System properties: {@code channels4j.fuzz.seed} (default {@value #DEFAULT_SEED}),
 * {@code channels4j.fuzz.cases} (default {@value #DEFAULT_CASES} per property, the bounded CI
 * cost), {@code channels4j.fuzz.case} (run only that case index).
 *
 * <p>{@link Gen#anyChar()} includes lone surrogates (a parser of Java strings must survive them);
 * {@link Gen#encodableChar()} and {@link Gen#encodableString(int)} leave them out, for input that
 * travels as UTF-8 (a client cannot encode a lone surrogate, so it never reaches a server).
 *
 * <pre>{@code
 * Fuzz.forAll("retry-after", g -> g.string(255), value -> assertThat(parse(value)).isNotNull());
 * }</pre>
 */
public final class Fuzz {
  public static final long DEFAULT_SEED = 20261130L;
  public static final int DEFAULT_CASES = 300;

  private Fuzz() {}

  /** A check of one input; any throwable is a failure. */
  @FunctionalInterface
  public interface Property<T> {
    void check(T input) throws Exception;
  }

  /** {@code text} as a JSON string literal: quotes, backslashes and control characters escaped. */
  public static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Checks {@code property} for every generated case, failing with the seed, case index and input. */
  public static <T> void forAll(String name, Function<Gen, T> generator, Property<T> property) {
    long seed = Long.getLong("channels4j.fuzz.seed", DEFAULT_SEED);
    int cases = Integer.getInteger("channels4j.fuzz.cases", DEFAULT_CASES);
    Integer only = Integer.getInteger("channels4j.fuzz.case");
    int from = only == null ? 0 : only;
    int to = only == null ? cases : only + 1;
    for (int index = from; index < to; index++) {
      T input = generator.apply(new Gen(new SplittableRandom(caseSeed(seed, index))));
      try {
        property.check(input);
      } catch (Throwable failure) {
        throw new AssertionError(name + " failed at case " + index + " of seed " + seed
            + " (reproduce: -Dchannels4j.fuzz.seed=" + seed + " -Dchannels4j.fuzz.case=" + index + ")"
            + "\ninput: " + describe(input) + "\n" + failure, failure);
      }
    }
  }

  // A cheap mix, so neighbouring cases get unrelated streams.
  private static long caseSeed(long seed, int index) {
    return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * index).nextLong();
  }

  public static String describe(Object input) {
    String text;
    if (input instanceof byte[]) {
      text = Arrays.toString((byte[]) input);
    } else {
      text = String.valueOf(input);
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length() && out.length() < 4000; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\\' || c == '"') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(out.length() >= 4000 ? "...(cut)" : "\"").toString();
  }

  /** Draws inputs from one case's random stream. */
  public static final class Gen {
    private static final String SPECIAL = "\u0000\t\n\r \"\\%&=+/:@?#[]{}.,;-_é€\u2028\uFEFF\uFFFF";
    private final SplittableRandom random;

    Gen(SplittableRandom random) {
      this.random = random;
    }

    /** An int in {@code [min, max]}. */
    public int between(int min, int max) {
      return (int) random.nextLong(min, (long) max + 1);
    }

    /** Any int, edge values (0, ±1, MIN, MAX) more often than chance. */
    public int anyInt() {
      return random.nextInt(8) == 0 ? of(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE) : smallOrAny();
    }

    private int smallOrAny() {
      return random.nextBoolean() ? between(-1000, 1000) : random.nextInt();
    }

    /** Any long, edge values (0, ±1, MIN, MAX) more often than chance. */
    public long anyLong() {
      switch (random.nextInt(4)) {
        case 0:
          return of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1);
        case 1:
          return random.nextLong(-100_000, 100_000);
        default:
          return random.nextLong();
      }
    }

    /** One of {@code values}, evenly. */
    @SafeVarargs
    public final <T> T of(T... values) {
      return values[random.nextInt(values.length)];
    }

    /** One of {@code values}, evenly. */
    public <T> T of(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    /** The value of one of {@code choices}, evenly. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... choices) {
      return choices[random.nextInt(choices.length)].get();
    }

    /** The value of {@code a} {@code wa} times in {@code wa + wb + wc}, and so on. */
    public <T> T weighted(int wa, Supplier<? extends T> a, int wb, Supplier<? extends T> b, int wc, Supplier<? extends T> c) {
      int draw = random.nextInt(wa + wb + wc);
      return draw < wa ? a.get() : draw < wa + wb ? b.get() : c.get();
    }

    /** Any char: ASCII mostly, then control and special characters, then any UTF-16 unit (lone surrogates too). */
    public char anyChar() {
      switch (random.nextInt(6)) {
        case 0:
        case 1:
        case 2:
          return (char) between(0x20, 0x7e);
        case 3:
          return SPECIAL.charAt(random.nextInt(SPECIAL.length()));
        case 4:
          return (char) between(0, 0x1f);
        default:
          return (char) random.nextInt(0x10000);
      }
    }

    /** Like {@link #anyChar()} but never a lone surrogate: what UTF-8 can carry. */
    public char encodableChar() {
      char c;
      do {
        c = anyChar();
      } while (Character.isSurrogate(c));
      return c;
    }

    /** A string of 0 to {@code maxLength} {@linkplain #encodableChar() encodable chars}, short ones more often. */
    public String encodableString(int maxLength) {
      int length = length(maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(encodableChar());
      }
      return out.toString();
    }

    /**
     * The text {@code json} makes, or that text cut short, or with one char replaced by {@link #anyChar()},
     * or {@linkplain #string(int) any text}: input that is JSON and input that was JSON.
     */
    public String damaged(Supplier<String> json) {
      return damaged(json, this::anyChar, () -> string(60));
    }

    /** Like {@link #damaged(Supplier)} but every char {@linkplain #encodableChar() encodable}: text UTF-8 can carry. */
    public String damagedEncodable(Supplier<String> json) {
      return damaged(json, this::encodableChar, () -> encodableString(40));
    }

    private String damaged(Supplier<String> json, Supplier<Character> replacement, Supplier<String> noise) {
      return oneOf(
          json,
          () -> {
            String text = json.get();
            return text.substring(0, between(0, text.length()));
          },
          () -> {
            String text = json.get();
            if (text.isEmpty()) {
              return text;
            }
            int at = between(0, text.length() - 1);
            return text.substring(0, at) + replacement.get() + text.substring(at + 1);
          },
          noise);
    }

    /** A string of 0 to {@code maxLength} {@linkplain #anyChar() any chars}, short ones more often. */
    public String string(int maxLength) {
      int length = length(maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(anyChar());
      }
      return out.toString();
    }

    /** A string of 0 to {@code maxLength} chars taken from {@code alphabet}. */
    public String string(int maxLength, String alphabet) {
      int length = length(maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return out.toString();
    }

    /** A string of 0 to {@code maxLength} chars in {@code [from, to]}. */
    public String string(int maxLength, char from, char to) {
      int length = length(maxLength);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append((char) between(from, to));
      }
      return out.toString();
    }

    /** 0 to {@code maxLength} random bytes. */
    public byte[] bytes(int maxLength) {
      byte[] out = new byte[length(maxLength)];
      random.nextBytes(out);
      return out;
    }

    /** 0 to {@code maxSize} items. */
    public <T> List<T> list(int maxSize, Supplier<? extends T> item) {
      int size = length(maxSize);
      List<T> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(item.get());
      }
      return out;
    }

    /**
     * A JSON value nested up to {@code depth}: mostly {@code scalar}s, sometimes arrays and objects
     * (keys from {@code key}, which supplies them quoted) of values one level shallower. Each test
     * brings the scalars and keys its parser cares about.
     */
    public String jsonValue(int depth, Supplier<String> scalar, Supplier<String> key) {
      if (depth <= 0) {
        return scalar.get();
      }
      return weighted(
          3, scalar,
          1, () -> "[" + String.join(",", list(4, () -> jsonValue(depth - 1, scalar, key))) + "]",
          1, () -> "{" + String.join(",", list(4, () -> key.get() + ":" + jsonValue(depth - 1, scalar, key))) + "}");
    }

    /** 0 to {@code maxSize} entries (fewer when keys repeat), in drawing order. */
    public <K, V> Map<K, V> map(int maxSize, Supplier<? extends K> key, Supplier<? extends V> value) {
      int size = length(maxSize);
      Map<K, V> out = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        out.put(key.get(), value.get());
      }
      return out;
    }

    // Empty and short sizes are where parsers break most; long ones still come up.
    private int length(int max) {
      if (max <= 0) {
        return 0;
      }
      switch (random.nextInt(4)) {
        case 0:
          return 0;
        case 1:
          return between(0, Math.min(max, 4));
        default:
          return between(0, max);
      }
    }
  }
}
