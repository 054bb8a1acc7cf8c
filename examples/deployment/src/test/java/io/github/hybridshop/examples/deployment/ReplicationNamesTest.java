package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Datastream (Terraform) and the migrate function (shop-core's ReplicationSettings) must agree on
 * the publication, the slot, the replication user and the tables: a mismatch only shows up when
 * the stream fails to start in the cloud. shop-core is reached by reflection through shop-aws.
 */
class ReplicationNamesTest {

  private static final String SETTINGS = "io.github.hybridshop.core.replication.ReplicationSettings";

  private final TerraformModule replication =
      TerraformModule.load(RepoLayout.terraform().resolve("modules/gcp-replication"));
  private final TerraformModule root = TerraformModule.load(RepoLayout.terraform());

  @Test
  void terraformUsesTheNamesTheMigrateFunctionCreates() throws Exception {
    Class<?> settings = Class.forName(SETTINGS, true, getClass().getClassLoader());
    Object defaults = settings.getMethod("defaults").invoke(null);

    assertThat(defaultOf("publication")).isEqualTo(call(defaults, "publication"));
    assertThat(defaultOf("replication_slot")).isEqualTo(call(defaults, "slot"));
    assertThat(root.locals().get("replication_user")).isEqualTo(call(defaults, "user"));
    List<Object> expectedTables = new ArrayList<>((List<?>) settings.getField("TABLES").get(null));
    List<Object> terraformTables = new ArrayList<>((List<?>) defaultOf("tables"));
    assertThat(terraformTables).containsExactlyElementsOf(expectedTables);
    assertThat(defaultOf("schema")).isEqualTo("shop");
  }

  private Object defaultOf(String variable) {
    assertThat(replication.variables()).containsKey(variable);
    return replication.variables().get(variable).defaultValue();
  }

  private static Object call(Object target, String accessor) throws Exception {
    Method m = target.getClass().getMethod(accessor);
    return m.invoke(target);
  }
}
