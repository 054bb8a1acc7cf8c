package io.github.hybridshop.examples.bench;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.github.hybridshop.gcp.replication.ReplicatorConfig;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium alone: the replicator's own connector properties feeding a consumer that only counts
 * row changes, so the catch-up rate can be read against what the source side delivers at most.
 * Streams from a slot created before the changes were made, with no snapshot.
 */
final class DebeziumCeiling {
  private DebeziumCeiling() {}

  /**
   * @param config the replicator's configuration pointing at the ceiling's own slot and data dir
   * @param rows how many row changes the slot holds
   * @return row changes per second, from the first delivered change to the last
   */
  static double rowsPerSec(ReplicatorConfig config, long rows) throws Exception {
    Files.createDirectories(config.dataDir());
    Properties properties = config.debeziumProperties();
    properties.setProperty("name", "shop-bench-ceiling");
    properties.setProperty("snapshot.mode", "no_data");
    AtomicLong seen = new AtomicLong();
    AtomicLong first = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine =
        DebeziumEngine.create(Connect.class)
            .using(properties)
            .notifying(
                (List<ChangeEvent<SourceRecord, SourceRecord>> records,
                    DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer) -> {
                  first.compareAndSet(0, System.nanoTime());
                  for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
                    if (record.value().value() instanceof Struct envelope && envelope.schema().field("op") != null
                        && seen.incrementAndGet() == rows) {
                      done.countDown();
                    }
                    committer.markProcessed(record);
                  }
                  committer.markBatchFinished();
                })
            .using((boolean success, String message, Throwable error) -> {
              if (!success) {
                failure.set(error != null ? error : new IllegalStateException(message));
                done.countDown();
              }
            })
            .build();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      runner.execute(engine);
      if (!done.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Debezium delivered " + seen.get() + " of " + rows + " changes in 2 minutes");
      }
      if (failure.get() != null) {
        throw new IllegalStateException("Debezium stopped", failure.get());
      }
      return rows / ((System.nanoTime() - first.get()) / 1e9);
    } finally {
      engine.close();
      runner.shutdown();
      runner.awaitTermination(30, TimeUnit.SECONDS);
    }
  }
}
