package dev.channels4j.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code ```java} block of a Markdown file, with the declarations its prose leaves implicit.
 *
 * @param file the Markdown file it comes from
 * @param line the 1-based line of the block's first code line
 * @param code the block's text
 * @param context what a {@code <!-- java-context: ... -->} comment before the block declares: the
 *     snippet's free variables as parameters ({@code String socketId, Object order}),
 *     {@code import} lines, or stand-ins for types of the reader's own application
 *     ({@code interface Orders { Order save(Order order); }}: separators inside its braces
 *     do not end the entry), compiled next to the block
 */
record JavaExample(Path file, int line, String code, List<String> context) {

  String location() {
    return file.getFileName() + ":" + line;
  }
}
