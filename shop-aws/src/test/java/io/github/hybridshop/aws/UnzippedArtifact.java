package io.github.hybridshop.aws;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The Lambda zip unpacked as the runtime unpacks it: classes at the root, jars in {@code lib/}. */
final class UnzippedArtifact {
  private UnzippedArtifact() {}

  /**
   * @param target an empty directory
   * @return the class path entries of the function: the root and {@code lib/*}
   */
  static String classPath(Path target) throws IOException {
    try (InputStream file = Files.newInputStream(LambdaArtifactIT.ZIP); ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
    return target + File.pathSeparator + target.resolve("lib") + "/*";
  }
}
