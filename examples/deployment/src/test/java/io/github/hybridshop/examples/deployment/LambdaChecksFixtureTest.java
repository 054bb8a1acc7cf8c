package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lambda checks over a fixture whose handlers and routes are wrong in every way checked. */
class LambdaChecksFixtureTest {

  private final LambdaChecks.Api api = LambdaChecks.read(TerraformModule.load(RepoLayout.fixture("lambda-bad")));
  private final ClassLoader classes = getClass().getClassLoader();

  @Test
  void computedHandlerCannotBeReadAndSaysSo() {
    assertThat(api.unreadable()).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("aws_lambda_function.computed"));
  }

  @Test
  void brokenHandlersAreReported() {
    List<Finding> findings = LambdaChecks.handlers(api, classes);

    assertThat(findings).filteredOn(f -> f.check().equals("handler-class")).extracting(Finding::message)
        .hasSize(2)
        .anyMatch(m -> m.contains("com.example.DoesNotExist"))
        .anyMatch(m -> m.contains("PrivateConstructorHandler") && m.contains("no-argument constructor"));
    assertThat(findings).filteredOn(f -> f.check().equals("handler-method")).extracting(Finding::message)
        .hasSize(2)
        .anyMatch(m -> m.contains("NoHandlerMethod"))
        .anyMatch(m -> m.contains("WrongStreamHandler"));
    assertThat(findings).noneMatch(f -> f.message().contains("FakeThingsHandler"));
    assertThat(findings).noneMatch(f -> f.message().contains("fixtures.StreamHandler"));
  }

  @Test
  void routesDisagreeingWithTheHandlersAreReported() {
    List<Finding> findings = LambdaChecks.routes(api, classes);

    assertThat(findings).extracting(f -> f.check() + " " + f.message())
        // in Terraform, served by nobody
        .anyMatch(m -> m.startsWith("route-unserved") && m.contains("DELETE /things/{id}"))
        .anyMatch(m -> m.startsWith("route-unserved") && m.contains("GET /nr"))
        .anyMatch(m -> m.startsWith("route-unserved") && m.contains("POST /ghost"))
        // declared by a handler, missing from Terraform
        .anyMatch(m -> m.startsWith("route-missing") && m.contains("GET /things/{id}"))
        // sent to a function whose handler does not serve it, or to no function at all
        .anyMatch(m -> m.startsWith("route-target") && m.contains("GET /other") && m.contains("FakeThingsHandler"))
        .anyMatch(m -> m.startsWith("route-target") && m.contains("ghostfn"))
        // a routed function whose class has no ROUTES
        .anyMatch(m -> m.startsWith("handler-routes") && m.contains("NoRoutesHandler"));
    assertThat(findings).noneMatch(f -> f.message().contains("\"GET /things\""));
  }
}
