package io.github.hybridshop.examples.bench;

import java.util.Set;

/** One benchmark: runs against its own baseline and returns a single JSON line. */
interface Scenario {

  /** The flag names this scenario reads; any other flag on the command line is refused. */
  Set<String> flags();

  String run(Flags flags) throws Exception;
}
