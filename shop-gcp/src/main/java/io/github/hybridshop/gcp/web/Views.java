package io.github.hybridshop.gcp.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the precompiled jte templates ({@code src/main/jte}, compiled at build time with
 * {@link ContentType#Html}, so every {@code ${...}} is HTML-escaped for its context).
 */
public final class Views {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /**
   * Renders a template that takes one {@code model} parameter.
   *
   * @param template such as {@code catalog.jte}
   * @param model the template's model
   * @return the HTML
   */
  public String render(String template, Object model) {
    StringOutput output = new StringOutput(16 * 1024);
    engine.render(template, model, output);
    return output.toString();
  }
}
