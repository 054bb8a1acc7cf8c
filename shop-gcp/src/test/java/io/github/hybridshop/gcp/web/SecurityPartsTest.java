package io.github.hybridshop.gcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.gcp.web.cart.Cart;
import io.github.hybridshop.gcp.web.cart.CheckoutTicket;
import io.github.hybridshop.gcp.web.i18n.Language;
import io.github.hybridshop.gcp.web.security.CookieSigner;
import io.github.hybridshop.gcp.web.security.PasswordHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecurityPartsTest {
  private final CookieSigner signer = new CookieSigner("k".repeat(32).getBytes(StandardCharsets.UTF_8));

  @Test
  void signedValuesOpenOnlyUnchangedAndForTheirOwnCookie() {
    String signed = signer.sign("cart", "1:2");
    assertThat(signer.verify("cart", signed)).hasValue("1:2");
    assertThat(signer.verify("session", signed)).isEmpty();
    String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1:200".getBytes(StandardCharsets.UTF_8));
    assertThat(signer.verify("cart", forgedPayload + signed.substring(signed.indexOf('.')))).isEmpty();
    assertThat(signer.verify("cart", "garbage")).isEmpty();
    assertThat(signer.verify("cart", null)).isEmpty();
    CookieSigner otherKey = new CookieSigner("x".repeat(32).getBytes(StandardCharsets.UTF_8));
    assertThat(otherKey.verify("cart", signed)).isEmpty();
    assertThatThrownBy(() -> new CookieSigner(new byte[31])).hasMessageContaining("32 bytes");
  }

  @Test
  void passwordHashesRoundTripAndRejectWrongPasswords() {
    PasswordHash hash = PasswordHash.create("s3cret password".toCharArray(), 20_000);
    PasswordHash parsed = PasswordHash.parse(hash.format());
    assertThat(parsed.format()).startsWith("pbkdf2-sha256$20000$");
    assertThat(parsed.matches("s3cret password".toCharArray())).isTrue();
    assertThat(parsed.matches("s3cret passworD".toCharArray())).isFalse();
    assertThat(PasswordHash.create("s3cret password".toCharArray(), 20_000)).as("fresh salt").isNotEqualTo(hash);
    assertThatThrownBy(() -> PasswordHash.parse("sha1$1$a$b")).hasMessageContaining("pbkdf2-sha256$");
  }

  @Test
  void cartsSurviveTheirTextFormAndStayBounded() {
    Cart cart = Cart.empty().add(5, 2).orElseThrow().add(3, 1).orElseThrow().add(5, 1).orElseThrow();
    assertThat(cart.encode()).isEqualTo("5:3,3:1");
    assertThat(Cart.decode(cart.encode())).isEqualTo(cart);
    assertThat(cart.set(5, 0).encode()).isEqualTo("3:1");
    assertThat(Cart.decode("x:y")).isEqualTo(Cart.empty());
    Cart full = Cart.empty();
    for (int i = 1; i <= Cart.MAX_LINES; i++) {
      full = full.add(i, 1).orElseThrow();
    }
    assertThat(full.add(999, 1)).isEmpty();
    assertThat(full.add(1, 1)).isPresent();
  }

  @Test
  void checkoutTicketsBindTheKeyToTheCart() {
    Cart cart = Cart.decode("4:2");
    CheckoutTicket ticket = CheckoutTicket.mint(cart);
    assertThat(CheckoutTicket.open(signer, ticket.sign(signer))).hasValue(ticket);
    assertThat(CheckoutTicket.open(signer, signer.sign("cart", ticket.idempotencyKey() + "|4:2"))).isEmpty();
    assertThat(CheckoutTicket.mint(cart).idempotencyKey()).isNotEqualTo(ticket.idempotencyKey());
  }

  @Test
  void languageFollowsAcceptLanguage() {
    assertThat(Language.fromAcceptLanguage("es-MX,es;q=0.9")).isEqualTo(Language.ES);
    assertThat(Language.fromAcceptLanguage("fr-FR,es;q=0.5,en;q=0.4")).isEqualTo(Language.ES);
    assertThat(Language.fromAcceptLanguage("de")).isEqualTo(Language.EN);
    assertThat(Language.fromAcceptLanguage(";;;")).isEqualTo(Language.EN);
    assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.EN);
  }

  @Test
  void theSiteRunsOnTheLastJetty94() {
    assertThat(org.eclipse.jetty.util.Jetty.VERSION).startsWith("9.4.58");
  }
}
