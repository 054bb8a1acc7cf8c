package io.github.hybridshop.examples.bench;

/** One benchmark: runs against its own baseline and returns a single JSON line. */
interface Scenario {
  String run(Flags flags) throws Exception;
}
