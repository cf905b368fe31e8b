package dev.channels4j.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the {@code ```java} blocks of the project's Markdown files. */
final class MarkdownExamples {
  private static final String CONTEXT_START = "<!-- java-context:";

  private MarkdownExamples() {}

  /** README.md at the root, each module's README.md and each example application's README.md. */
  static List<Path> readmes(Path root) {
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> modules = Files.list(root)) {
      modules.filter(Files::isDirectory).sorted().forEach(dir -> addReadme(dir, files));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path examples = root.resolve("examples");
    if (Files.isDirectory(examples)) {
      try (Stream<Path> apps = Files.list(examples)) {
        apps.filter(Files::isDirectory).sorted().forEach(dir -> addReadme(dir, files));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static void addReadme(Path dir, List<Path> files) {
    Path readme = dir.resolve("README.md");
    if (Files.isRegularFile(readme) && !dir.getFileName().toString().equals("node_modules")) {
      files.add(readme);
    }
  }

  static List<JavaExample> read(Path file) {
    try {
      return parse(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JavaExample> parse(Path file, List<String> lines) {
    List<JavaExample> examples = new ArrayList<>();
    List<String> context = new ArrayList<>();
    StringBuilder comment = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.trim();
      if (comment != null) {
        comment.append('\n').append(line);
        if (trimmed.endsWith("-->")) {
          context.addAll(contextEntries(comment.toString()));
          comment = null;
        }
        continue;
      }
      if (trimmed.startsWith(CONTEXT_START)) {
        comment = new StringBuilder(line);
        if (trimmed.endsWith("-->")) {
          context.addAll(contextEntries(comment.toString()));
          comment = null;
        }
        continue;
      }
      if (trimmed.startsWith("```")) {
        String fence = trimmed.substring(0, trimmed.length() - trimmed.replaceAll("^`+", "").length());
        boolean java = trimmed.substring(fence.length()).trim().equals("java");
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        i++;
        while (i < lines.size() && !lines.get(i).trim().equals(fence)) {
          code.append(lines.get(i)).append('\n');
          i++;
        }
        if (i == lines.size()) {
          throw new IllegalStateException(file + ":" + start + ": code block is never closed");
        }
        if (java) {
          examples.add(new JavaExample(file, start + 1, code.toString(), List.copyOf(context)));
        }
        context.clear();
      }
    }
    return examples;
  }

  private static List<String> contextEntries(String comment) {
    String body = comment.trim();
    body = body.substring(CONTEXT_START.length(), body.length() - "-->".length());
    // ';' and line ends separate entries, except inside a stand-in type's braces.
    List<String> entries = new ArrayList<>();
    StringBuilder entry = new StringBuilder();
    int depth = 0;
    for (char c : body.toCharArray()) {
      if (depth == 0 && (c == ';' || c == '\n')) {
        addEntry(entries, entry);
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      entry.append(c == '\n' ? ' ' : c);
    }
    addEntry(entries, entry);
    return entries;
  }

  private static void addEntry(List<String> entries, StringBuilder entry) {
    if (!entry.toString().isBlank()) {
      entries.add(entry.toString().trim());
    }
    entry.setLength(0);
  }
}
