package io.github.hybridshop.gcp.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs cookie values with HMAC-SHA256 so the browser can hold state the server trusts: the
 * cart, the admin session, the CSRF token. The cookie's name is part of the MAC, so a value
 * signed for one cookie is worthless in another. Values are readable by the client (not
 * encrypted), so they never carry secrets.
 */
public final class CookieSigner {
  /** Shortest accepted secret: 256 bits, the HMAC-SHA256 block strength. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  // Mac instances are not thread-safe and costly to look up: one initialised instance per thread.
  private final ThreadLocal<Mac> macs;

  /**
   * Creates a signer.
   *
   * @param secret at least {@value #MIN_SECRET_BYTES} bytes
   */
  public CookieSigner(byte[] secret) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the cookie secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java runtime has HmacSHA256", e);
      }
    });
  }

  /**
   * Returns {@code base64url(value) "." base64url(mac)}, safe as a cookie value.
   *
   * @param cookieName the cookie the value is meant for
   * @param value the plain value
   * @return the signed value
   */
  public String sign(String cookieName, String value) {
    String payload = B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    return payload + "." + B64.encodeToString(mac(cookieName, payload));
  }

  /**
   * Checks and opens a signed value.
   *
   * @param cookieName the cookie it came from
   * @param signed the cookie's value, may be {@code null}
   * @return the plain value, or empty when absent, malformed or forged
   */
  public Optional<String> verify(String cookieName, String signed) {
    if (signed == null) {
      return Optional.empty();
    }
    int dot = signed.indexOf('.');
    if (dot <= 0 || dot != signed.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = signed.substring(0, dot);
    try {
      byte[] given = B64D.decode(signed.substring(dot + 1));
      if (!MessageDigest.isEqual(given, mac(cookieName, payload))) {
        return Optional.empty();
      }
      return Optional.of(new String(B64D.decode(payload), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String cookieName, String payload) {
    return macs.get().doFinal((cookieName + "=" + payload).getBytes(StandardCharsets.UTF_8));
  }
}
