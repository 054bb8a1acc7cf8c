package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclTextTest {

  @Test
  void lineAndBlockCommentsGoStringsStay() {
    String code = """
        a = var.one # var.two
        // var.three
        /* var.four
           var.five */
        b = "# var.six // not a comment"
        c = "https://${var.seven}/x" # trailing
        """;

    assertThat(HclText.variableRefs(HclText.stripComments(code))).containsExactly("one", "six", "seven");
  }

  @Test
  void nestedStringsInInterpolationsDoNotEndTheOuterString() {
    String code = "x = \"${join(\",\", var.a)} # still a string ${var.b}\" # var.c\n";

    assertThat(HclText.variableRefs(HclText.stripComments(code))).containsExactly("a", "b");
  }

  @Test
  void heredocsAreKeptVerbatim() {
    String code = """
        d = <<-EOT
          # not a comment: ${var.inside}
        EOT
        # var.outside
        """;

    assertThat(HclText.variableRefs(HclText.stripComments(code))).containsExactly("inside");
  }

  @Test
  void moduleOutputReferencesNeedAnOutputName() {
    String code = "depends_on = [module.a]\nx = module.b.out\ny = module.c[0].id\nz = foo.module.d.e\n";

    assertThat(HclText.moduleOutputRefs(code)).containsExactly(
        new HclText.ModuleOutputRef("b", "out"), new HclText.ModuleOutputRef("c", "id"));
  }

  @Test
  void variableReferenceNeedsAWordBoundary() {
    assertThat(HclText.variableRefs("a = each.var.x\nb = myvar.y\nc = [var.z]")).containsExactly("z");
  }

  @Test
  void blocksAreCutAtTheirMatchingBrace() {
    String code = """
        resource "aws_x" "one" {
          name = "a-${var.b}"
          nested {
            path = "/p/{id}"
          }
        }
        module "m" {
          x = 1
        }
        resource "aws_x" "two" { y = 2 }
        """;

    assertThat(HclText.blocks(code, "resource")).containsOnlyKeys("aws_x.one", "aws_x.two");
    assertThat(HclText.blocks(code, "resource").get("aws_x.one")).contains("/p/{id}").endsWith("}\n}").doesNotContain("x = 1");
    assertThat(HclText.blocks(code, "module")).containsExactly(java.util.Map.entry("m", "{\n  x = 1\n}"));
  }
}
