package io.github.hybridshop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Provide
  Arbitrary<Money> euros() {
    return Arbitraries.longs()
        .between(-1_000_000_000_000L, 1_000_000_000_000L)
        .map(cents -> Money.of(BigDecimal.valueOf(cents, 2), EUR));
  }

  @Property
  void alwaysCarriesTheCurrencyScale(@ForAll("euros") Money money) {
    assertThat(money.amount().scale()).isEqualTo(2);
  }

  @Property
  void additionIsCommutativeAndAssociative(
      @ForAll("euros") Money a, @ForAll("euros") Money b, @ForAll("euros") Money c) {
    assertThat(a.plus(b)).isEqualTo(b.plus(a));
    assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
  }

  @Property
  void timesIsRepeatedAddition(@ForAll("euros") Money a, @ForAll @IntRange(min = 0, max = 50) int n) {
    Money sum = Money.zero(EUR);
    for (int i = 0; i < n; i++) {
      sum = sum.plus(a);
    }
    assertThat(a.times(n)).isEqualTo(sum);
  }

  @Property
  void plainStringRoundTripsExactly(@ForAll("euros") Money money) {
    assertThat(Money.of(money.toPlainString(), "EUR")).isEqualTo(money);
    assertThat(money.toPlainString()).doesNotContain("E");
  }

  @Property
  void equalAmountsWithDifferentTrailingZerosAreEqual(@ForAll @LongRange(min = 0, max = 1_000_000) long whole) {
    assertThat(Money.of(new BigDecimal(whole + ".5"), EUR))
        .isEqualTo(Money.of(new BigDecimal(whole + ".500"), EUR));
  }

  @Property
  void rejectsMorePrecisionThanTheCurrencyHasInsteadOfRounding(
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long units,
      @ForAll @IntRange(min = 1, max = 9) int extraDigit) {
    BigDecimal threeDecimals = BigDecimal.valueOf(units * 10 + extraDigit, 3);
    assertThatThrownBy(() -> Money.of(threeDecimals, EUR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> Money.of(BigDecimal.valueOf(units * 10 + extraDigit, 1), JPY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JPY");
  }

  @Property
  void neverMixesCurrencies(@ForAll("euros") Money euros, @ForAll @LongRange(min = 0, max = 1000) long yen) {
    assertThatThrownBy(() -> euros.plus(Money.of(BigDecimal.valueOf(yen), JPY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot combine EUR with JPY");
  }

  @Property
  void negativeIffBelowZero(@ForAll("euros") Money money) {
    assertThat(money.isNegative()).isEqualTo(money.amount().signum() < 0);
  }
}
