package io.github.hybridshop.examples.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: the repository root, its {@code terraform/} tree, and the test fixtures. */
final class RepoLayout {

  private RepoLayout() {}

  /** The nearest directory at or above the working directory (the module) that holds {@code terraform/}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("terraform"))) {
        return d;
      }
    }
    throw new IllegalStateException("no terraform/ directory at or above " + dir);
  }

  /** The repository's {@code terraform/} directory. */
  static Path terraform() {
    return root().resolve("terraform");
  }

  /** Every directory under {@code dir} (itself included) that holds {@code .tf} files, outside {@code .terraform/}. */
  static List<Path> moduleDirs(Path dir) {
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(Files::isDirectory)
          .filter(d -> !d.toString().contains(".terraform"))
          .filter(TerraformModule::isModule)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory under src/test/resources/fixtures. */
  static Path fixture(String name) {
    try {
      return Path.of(RepoLayout.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test fixture " + name, e);
    }
  }
}
