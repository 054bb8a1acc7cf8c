package io.github.hybridshop.gcp.web.cart;

import io.github.hybridshop.gcp.web.security.CookieSigner;
import java.util.Optional;
import java.util.UUID;

/**
 * What the checkout form submits: an idempotency key minted when the form was rendered, bound by
 * a signature to the exact cart shown. Submitting the same form twice (double click, reload after
 * a lost answer) sends the same key and items, so the API places one order; the POST does not
 * depend on the cart cookie, which the first answer has already cleared.
 *
 * @param idempotencyKey a random UUID
 * @param cart the cart as shown on the form
 */
public record CheckoutTicket(String idempotencyKey, Cart cart) {
  private static final String PURPOSE = "checkout";

  /**
   * Mints a ticket for a cart with a fresh key.
   *
   * @param cart the cart shown on the form
   * @return the ticket
   */
  public static CheckoutTicket mint(Cart cart) {
    return new CheckoutTicket(UUID.randomUUID().toString(), cart);
  }

  /**
   * Writes the signed form value.
   *
   * @param signer the signer
   * @return the value of the hidden {@code ticket} field
   */
  public String sign(CookieSigner signer) {
    return signer.sign(PURPOSE, idempotencyKey + "|" + cart.encode());
  }

  /**
   * Reads a submitted ticket.
   *
   * @param signer the signer
   * @param value the hidden field's value
   * @return the ticket, or empty when missing, forged or for an empty cart
   */
  public static Optional<CheckoutTicket> open(CookieSigner signer, String value) {
    return signer
        .verify(PURPOSE, value)
        .filter(text -> text.indexOf('|') > 0)
        .map(text -> new CheckoutTicket(text.substring(0, text.indexOf('|')), Cart.decode(text.substring(text.indexOf('|') + 1))))
        .filter(ticket -> !ticket.cart().isEmpty());
  }
}
