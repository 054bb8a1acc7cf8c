package io.github.hybridshop.gcp.web;

import spark.Request;
import spark.Response;

/**
 * Friendly error pages: a title and a sentence in the visitor's language, the right status, and
 * never a stack trace.
 */
public final class ErrorPage {
  /**
   * The error template's model.
   *
   * @param page the layout context
   * @param status the HTTP status
   * @param title the heading
   * @param message what happened and what to do
   */
  public record View(Page page, int status, String title, String message) {}

  private final Views views;
  private final Pages pages;

  /**
   * Creates the error pages.
   *
   * @param views the templates
   * @param pages the page context builder
   */
  public ErrorPage(Views views, Pages pages) {
    this.views = views;
    this.pages = pages;
  }

  /**
   * Renders an error and sets the status.
   *
   * @param request the request
   * @param response the response
   * @param status the status
   * @param key the bundle key prefix: {@code <key>.title} and {@code <key>.message}
   * @return the HTML
   */
  public String render(Request request, Response response, int status, String key) {
    Page page = pages.page(request, response);
    response.status(status);
    response.type("text/html; charset=utf-8");
    return views.render(
        "error.jte", new View(page, status, page.t().get(key + ".title"), page.t().get(key + ".message")));
  }
}
