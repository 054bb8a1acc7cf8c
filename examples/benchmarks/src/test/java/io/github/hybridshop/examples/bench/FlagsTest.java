package io.github.hybridshop.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {
  private static final Set<String> API = new ApiBench().flags();

  @Test
  void readsDeclaredFlagsAndDefaultsTheRest() {
    Flags flags = Flags.parse(new String[] {"--threads", "8"}, API);

    assertThat(flags.intValue("threads", 32)).isEqualTo(8);
    assertThat(flags.intValue("seconds", 20)).isEqualTo(20);
  }

  @Test
  void refusesAMisspelledFlagNamingTheOnesItTakes() {
    assertThatThrownBy(() -> Flags.parse(new String[] {"--thraeds", "8"}, API))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown flag --thraeds; this scenario takes --rounds, --seconds, --threads");
  }

  @Test
  void refusesOddAndRepeatedFlags() {
    assertThatThrownBy(() -> Flags.parse(new String[] {"--threads"}, API))
        .hasMessageContaining("expected --name value pairs");
    assertThatThrownBy(() -> Flags.parse(new String[] {"--threads", "8", "--threads", "9"}, API))
        .hasMessage("--threads given twice");
  }

  @Test
  void aScenarioCannotReadAFlagItDidNotDeclare() {
    Flags flags = Flags.parse(new String[0], API);

    assertThatThrownBy(() -> flags.intValue("rate", 200)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyLineSaysWhichMachineItRanOn() {
    String line = Json.line(java.util.Map.of("scenario", "x"));

    assertThat(line).startsWith("{\"scenario\":\"x\",\"cores\":")
        .contains("\"jvm\":\"" + System.getProperty("java.vm.name"));
  }
}
