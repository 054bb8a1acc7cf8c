package io.github.hybridshop.core;

import java.util.Currency;
import java.util.Objects;

/**
 * Shop-wide settings.
 *
 * @param currency the one currency every price and order is in
 */
public record ShopConfig(Currency currency) {

  /**
   * Checks the settings.
   *
   * @param currency see the record description
   * @throws IllegalArgumentException when the currency has no fixed number of decimals
   */
  public ShopConfig {
    Objects.requireNonNull(currency, "currency");
    if (currency.getDefaultFractionDigits() < 0 || currency.getDefaultFractionDigits() > 2) {
      throw new IllegalArgumentException(
          "SHOP_CURRENCY " + currency.getCurrencyCode()
              + " is not supported: prices are stored with at most 2 decimals; use a currency such as EUR, USD or JPY");
    }
  }

  /**
   * Creates the settings for a currency.
   *
   * @param currency the shop's currency
   * @return the settings
   */
  public static ShopConfig of(Currency currency) {
    return new ShopConfig(currency);
  }

  /**
   * Creates the settings from an ISO-4217 code.
   *
   * @param currencyCode the code, such as {@code "EUR"}
   * @return the settings
   * @throws IllegalArgumentException when the code is not a known currency
   */
  public static ShopConfig of(String currencyCode) {
    return new ShopConfig(Currency.getInstance(currencyCode));
  }
}
