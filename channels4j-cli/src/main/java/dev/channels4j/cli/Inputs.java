package dev.channels4j.cli;

import dev.channels4j.Info;
import dev.channels4j.spi.JacksonJsonCodecs;
import dev.channels4j.spi.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the text and JSON arguments of commands: literal, {@code @file}, or {@code -} for stdin.
 *
 * <pre>{@code
 * String data = Inputs.jsonText(context, "@order.json", "--data");  // checked to be JSON
 * byte[] body = Inputs.bytes(context, "-", "<file>");                // standard input
 * }</pre>
 */
public final class Inputs {
  private static final JsonCodec JSON = JacksonJsonCodecs.defaults();

  private Inputs() {}

  /** The text {@code spec} stands for: itself, the content of {@code @file}, or stdin for {@code -}. */
  public static String text(CliContext context, String spec, String argument) {
    if ("-".equals(spec)) {
      return new String(stdin(context, argument), StandardCharsets.UTF_8);
    }
    if (spec.startsWith("@")) {
      return new String(file(spec.substring(1), argument), StandardCharsets.UTF_8);
    }
    return spec;
  }

  /** The bytes of a file argument, or of stdin for {@code -}. */
  public static byte[] bytes(CliContext context, String fileOrDash, String argument) {
    return "-".equals(fileOrDash) ? stdin(context, argument) : file(fileOrDash, argument);
  }

  /** The JSON text {@code spec} stands for, checked to be valid JSON and returned unchanged. */
  public static String jsonText(CliContext context, String spec, String argument) {
    String text = text(context, spec, argument).strip();
    parse(text, argument);
    return text;
  }

  /** A JSON object argument, parsed (key order kept). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> jsonObject(CliContext context, String spec, String argument) {
    Object value = parse(text(context, spec, argument), argument);
    if (!(value instanceof Map<?, ?>)) {
      throw new BadInputException(argument + " must be a JSON object like {\"name\":\"Ada\"}");
    }
    return (Map<String, Object>) value;
  }

  /** Parses JSON text, naming the argument when it is not JSON. */
  public static Object parse(String text, String argument) {
    if (text.isBlank()) {
      throw new BadInputException(argument + " is empty; expected JSON");
    }
    try {
      return JSON.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(argument + " is not valid JSON: " + jsonProblem(e.getMessage()), e);
    }
  }

  /** The attributes named by an {@code --info} argument ({@code user_count,subscription_count}). */
  public static Info[] info(List<String> names, String argument) {
    if (names == null) {
      return new Info[0];
    }
    List<Info> attributes = new ArrayList<>();
    for (String name : names) {
      Info match = null;
      for (Info candidate : Info.values()) {
        if (candidate.attributeName().equals(name.strip())) {
          match = candidate;
        }
      }
      if (match == null) {
        throw new BadInputException(argument + ": \"" + name + "\" is not an attribute; use "
            + Arrays.stream(Info.values()).map(Info::attributeName).collect(Collectors.joining(", ")));
      }
      attributes.add(match);
    }
    return attributes.toArray(Info[]::new);
  }

  private static byte[] file(String name, String argument) {
    if (name.isEmpty()) {
      throw new BadInputException(argument + ": no file name after @");
    }
    try {
      return Files.readAllBytes(Path.of(name));
    } catch (NoSuchFileException e) {
      throw new BadInputException(argument + ": no such file: " + name, e);
    } catch (IOException e) {
      throw new BadInputException(argument + ": cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static byte[] stdin(CliContext context, String argument) {
    try {
      InputStream in = context.in();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadInputException(argument + ": cannot read standard input: " + e.getMessage(), e);
    }
  }

  /** Jackson's explanation, without its repeated prefix and source locations. */
  public static String jsonProblem(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.replaceFirst("^not valid JSON: ", "").replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").strip();
  }
}
