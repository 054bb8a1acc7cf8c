package io.github.hybridshop.core;

import java.util.List;

/** An order that stock cannot cover; nothing was bought, and every short line is listed. */
public final class InsufficientStockException extends ShopException {
  private static final long serialVersionUID = 1L;

  /** Every line that was short, in ascending product id. */
  private final transient List<Shortage> shortages;

  /**
   * Creates the exception.
   *
   * @param shortages every short line, at least one
   */
  public InsufficientStockException(List<Shortage> shortages) {
    super("Not enough stock for " + shortages.size() + " line(s); nothing was bought");
    if (shortages.isEmpty()) {
      throw new IllegalArgumentException("an InsufficientStockException needs at least one shortage");
    }
    this.shortages = List.copyOf(shortages);
  }

  /**
   * Returns the short lines.
   *
   * @return every short line, in ascending product id
   */
  public List<Shortage> shortages() {
    return shortages;
  }
}
