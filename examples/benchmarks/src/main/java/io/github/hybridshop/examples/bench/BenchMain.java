package io.github.hybridshop.examples.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar shop-bench.jar SCENARIO [--flag value ...]}: runs one benchmark and prints one
 * JSON line. Every scenario measures a baseline in the same run and reports the ratio, because
 * absolute numbers on a shared 2-core machine mean little.
 */
public final class BenchMain {
  private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

  static {
    SCENARIOS.put("purchase", new PurchaseBench(PurchaseBench.Mode.SPREAD));
    SCENARIOS.put("hot", new PurchaseBench(PurchaseBench.Mode.HOT));
    SCENARIOS.put("catalog", new CatalogBench());
    SCENARIOS.put("web", new WebBench());
    SCENARIOS.put("api", new ApiBench());
    SCENARIOS.put("coldstart", new ColdStartBench());
    SCENARIOS.put("replication", new ReplicationBench());
  }

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !SCENARIOS.containsKey(args[0])) {
      System.err.println("usage: java -jar shop-bench.jar <" + String.join("|", SCENARIOS.keySet()) + "> [--flag value ...]");
      System.exit(2);
    }
    Scenario scenario = SCENARIOS.get(args[0]);
    Flags flags;
    try {
      flags = Flags.parse(Arrays.copyOfRange(args, 1, args.length), scenario.flags());
    } catch (IllegalArgumentException e) {
      System.err.println(args[0] + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    String json = scenario.run(flags);
    System.out.println(json);
    System.exit(0);
  }
}
