package io.cskpi.adapters.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Test data: "label<TAB>text" resources, and the shared data folder beside the repository. */
final class Labelled {

  record Row(String label, String text) {}

  private Labelled() {}

  static List<Row> rows(String resource) {
    try (var in = Objects.requireNonNull(Labelled.class.getResourceAsStream(resource), resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", 2))
          .map(p -> new Row(p[0], p[1]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shared data folder: system property {@code cskpi.shared.dir}, else environment variable
   * {@code CSKPI_SHARED_DIR}, else {@code ../../../shared} from this module (the repository's sibling).
   */
  static Path sharedFile(String relative) {
    String dir = System.getProperty("cskpi.shared.dir", System.getenv("CSKPI_SHARED_DIR"));
    Path base = dir != null ? Path.of(dir) : Path.of("..", "..", "..", "shared");
    Path file = base.resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("shared data file not found: " + file.toAbsolutePath().normalize()
          + " (set -Dcskpi.shared.dir or CSKPI_SHARED_DIR to the shared folder)");
    }
    return file;
  }
}
