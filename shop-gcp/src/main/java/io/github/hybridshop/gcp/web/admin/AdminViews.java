package io.github.hybridshop.gcp.web.admin;

import io.github.hybridshop.gcp.web.Page;
import java.util.List;
import java.util.Map;

/** The admin templates' models. */
public final class AdminViews {
  private AdminViews() {}

  /**
   * The sign-in page.
   *
   * @param page the layout context
   * @param message an error above the form (wrong password, wait), or {@code null}
   * @param enabled {@code false} when no password hash is configured
   */
  public record SignIn(Page page, String message, boolean enabled) {}

  /**
   * The products page: add form and restock list.
   *
   * @param page the layout context
   * @param form the add form's values
   * @param errors field name to translated message
   * @param notice a success message, or {@code null}
   * @param products products with restock forms
   * @param nextHref the next page of products, or {@code null}
   */
  public record Products(
      Page page, ProductForm form, Map<String, String> errors, String notice, List<Row> products, String nextHref) {
    /**
     * Returns a field's error.
     *
     * @param field the field name
     * @return the message, or {@code null}
     */
    public String error(String field) {
      return errors.get(field);
    }
  }

  /**
   * A product row with its restock form.
   *
   * @param id the product id
   * @param name the name
   * @param category the category
   * @param price the formatted price
   * @param stock units in stock
   */
  public record Row(long id, String name, String category, String price, int stock) {}
}
