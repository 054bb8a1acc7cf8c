package io.github.hybridshop.core.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.cache.JdbiCache;
import org.jdbi.v3.core.cache.JdbiCacheBuilder;
import org.jdbi.v3.core.cache.JdbiCacheLoader;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Lock-free caches for Jdbi's parsed SQL and rendered statements, and the Jdbi set-up the shop uses.
 *
 * <p>Jdbi's built-in cache is one synchronized LRU map shared by every thread, consulted on every
 * statement, so at 32 checkout threads on two cores the threads queue on that monitor (seen in a
 * JFR profile of the {@code purchase} benchmark). The shop issues a small, fixed set of
 * SQL strings, so a concurrent map that stops growing at its size limit is enough: entries past
 * the limit are computed each time instead of evicting others.
 */
final class ConcurrentJdbiCache implements JdbiCacheBuilder {
  private int maxSize = 1_000;

  /** Creates a builder with a limit of 1,000 entries per cache. */
  ConcurrentJdbiCache() {}

  /**
   * Creates Jdbi on a data source with these caches installed.
   *
   * @param dataSource the database
   * @return the configured Jdbi
   */
  static Jdbi jdbi(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    // The shop's SQL uses no <template> attributes; skipping the template engine also skips an
    // ANTLR lexer whose synchronized DFA cache made 32 checkout threads queue.
    jdbi.getConfig(SqlStatements.class)
        .setTemplateEngine(TemplateEngine.NOP)
        .setTemplateCache(new ConcurrentJdbiCache())
        .setSqlParser(new ColonPrefixSqlParser(new ConcurrentJdbiCache()));
    return jdbi;
  }

  @Override
  public <K, V> JdbiCache<K, V> build() {
    return new Cache<>(maxSize, null);
  }

  @Override
  public <K, V> JdbiCache<K, V> buildWithLoader(JdbiCacheLoader<K, V> loader) {
    return new Cache<>(maxSize, loader);
  }

  @Override
  public JdbiCacheBuilder maxSize(int size) {
    this.maxSize = size;
    return this;
  }

  private static final class Cache<K, V> implements JdbiCache<K, V> {
    private final ConcurrentMap<K, V> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final JdbiCacheLoader<K, V> loader;

    Cache(int maxSize, JdbiCacheLoader<K, V> loader) {
      this.maxSize = maxSize;
      this.loader = loader;
    }

    @Override
    public V get(K key) {
      return loader == null ? entries.get(key) : getWithLoader(key, loader);
    }

    @Override
    public V getWithLoader(K key, JdbiCacheLoader<K, V> with) {
      V value = entries.get(key);
      if (value != null) {
        return value;
      }
      value = with.create(key);
      // Jdbi loaders may answer null ("nothing to cache"); a concurrent map cannot hold it.
      if (value != null && entries.size() < maxSize) {
        entries.putIfAbsent(key, value);
      }
      return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getStats() {
      return (T) Integer.valueOf(entries.size());
    }
  }
}
