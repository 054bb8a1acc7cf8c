package io.github.hybridshop.examples.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code <data-dir>/shop-local.lock}, held while a stack runs on the data directory. The
 * operating system releases it when the process dies, even by {@code kill -9}, so a start that
 * gets the lock knows that a PostgreSQL still running on this data directory was left behind by
 * a dead run and is safe to stop, and a start that does not get it knows another live stack
 * owns the directory.
 */
final class DataDirLock implements AutoCloseable {
  /** The lock file's name in the data directory. */
  static final String FILE = "shop-local.lock";

  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock and writes this process's id into the file.
   *
   * @param dataDir the data directory
   * @return the held lock
   * @throws IllegalStateException naming the other process when it holds the lock
   * @throws IOException when the file cannot be written
   */
  static DataDirLock take(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    Path key = dataDir.toRealPath();
    // The operating system's lock is per process, and on Linux closing any other channel on the
    // file would drop it, so a second stack in this JVM is refused before the file is opened.
    if (!HELD_HERE.add(key)) {
      throw held(dataDir, Long.toString(ProcessHandle.current().pid()));
    }
    try {
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw held(dataDir, Files.readString(file, StandardCharsets.UTF_8).strip());
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      throw e;
    }
  }

  private static IllegalStateException held(Path dataDir, String holder) {
    return new IllegalStateException(
        "another shop-local" + (holder.isEmpty() ? "" : " (pid " + holder + ")") + " is running on "
            + dataDir.toAbsolutePath() + "; stop it first or pass another --data-dir");
  }

  /** Releases the lock; the file stays. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      HELD_HERE.remove(key);
    }
  }
}
