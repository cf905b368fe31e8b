package dev.channels4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ```properties} or {@code ```yaml} block of a Markdown file: Spring Boot configuration a
 * reader copies into {@code application.properties} or {@code application.yml}.
 *
 * @param file the Markdown file it comes from
 * @param line the 1-based line of the block's first line
 * @param yaml whether it is YAML (else a {@code .properties} file)
 * @param text the block's text
 */
record ConfigExample(Path file, int line, boolean yaml, String text) {

  String location() {
    return file.getFileName() + ":" + line;
  }

  static List<ConfigExample> read(Path file) {
    try {
      return parse(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ConfigExample> parse(Path file, List<String> lines) {
    List<ConfigExample> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String trimmed = lines.get(i).trim();
      if (!trimmed.startsWith("```")) {
        continue;
      }
      String fence = trimmed.substring(0, trimmed.length() - trimmed.replaceAll("^`+", "").length());
      String language = trimmed.substring(fence.length()).trim();
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).trim().equals(fence); i++) {
        text.append(lines.get(i)).append('\n');
      }
      if (language.equals("properties") || language.equals("yaml") || language.equals("yml")) {
        examples.add(new ConfigExample(file, start + 1, !language.equals("properties"), text.toString()));
      }
    }
    return examples;
  }
}
