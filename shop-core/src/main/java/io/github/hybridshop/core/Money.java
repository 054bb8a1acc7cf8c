package io.github.hybridshop.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, always at that currency's scale ({@code 12.50 EUR},
 * {@code 1250 JPY}).
 *
 * <p>Construction never rounds: an amount with more decimals than the currency has is rejected,
 * because silently rounding a price is a pricing bug.
 *
 * @param amount the amount, scaled to {@code currency.getDefaultFractionDigits()}
 * @param currency an ISO-4217 currency with a defined number of decimals
 */
public record Money(BigDecimal amount, Currency currency) {

  /**
   * Normalises the scale and rejects amounts the currency cannot represent exactly.
   *
   * @param amount see the record description
   * @param currency see the record description
   * @throws IllegalArgumentException when the amount has more decimals than the currency, or the
   *     currency has no defined decimals (such as gold, {@code XAU})
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = atScaleOf(amount, currency);
  }

  /**
   * Creates money from an amount and a currency.
   *
   * @param amount the exact amount
   * @param currency the currency
   * @return the money
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * Creates money from a decimal string such as {@code "12.50"}.
   *
   * @param amount the amount in plain decimal notation
   * @param currencyCode the ISO-4217 code, such as {@code "EUR"}
   * @return the money
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  /**
   * Returns zero of a currency.
   *
   * @param currency the currency
   * @return zero at the currency's scale
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * Adds money of the same currency.
   *
   * @param other the amount to add
   * @return the sum
   * @throws IllegalArgumentException when the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Multiplies by a whole number, as for a line of several units.
   *
   * @param factor the number of units
   * @return the product, exact
   */
  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /**
   * Tells whether the amount is below zero.
   *
   * @return {@code true} for a negative amount
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Returns the amount as a plain decimal string at the currency's scale, such as {@code "12.50"};
   * this is the API's wire format because every client parses it exactly.
   *
   * @return the amount without exponent notation
   */
  public String toPlainString() {
    return amount.toPlainString();
  }

  /**
   * Returns the amount and currency, such as {@code "12.50 EUR"}.
   *
   * @return a readable form for logs and messages
   */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
    }
  }

  private static BigDecimal atScaleOf(BigDecimal amount, Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new IllegalArgumentException(
          currency.getCurrencyCode() + " has no fixed number of decimals; use a currency such as EUR or USD");
    }
    try {
      return amount.setScale(digits, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          amount.toPlainString() + " has more than " + digits + " decimal(s), the most "
              + currency.getCurrencyCode() + " allows", e);
    }
  }
}
