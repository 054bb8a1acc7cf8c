package io.github.hybridshop.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount as the API sends it: a decimal (never a {@code double}) and its currency.
 * Arithmetic and rounding rules belong to the shop, not to the wire.
 *
 * @param amount the amount, at the scale the API wrote it
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) {

  /**
   * Checks both parts are present.
   *
   * @param amount see the record description
   * @param currency see the record description
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * Creates an amount from its wire form.
   *
   * @param amount a plain decimal such as {@code "12.50"}
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the amount
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  /**
   * Returns the amount as the API writes it.
   *
   * @return the plain decimal string, such as {@code "12.50"}
   */
  public String toPlainString() {
    return amount.toPlainString();
  }
}
