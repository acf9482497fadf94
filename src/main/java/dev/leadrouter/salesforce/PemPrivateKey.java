package dev.leadrouter.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an RSA private key from a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}), as {@code
 * openssl genpkey} writes it. PKCS#1 files ({@code BEGIN RSA PRIVATE KEY}) are refused with the
 * command that converts them, since the JDK reads only PKCS#8.
 */
final class PemPrivateKey {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PemPrivateKey() {}

  static PrivateKey read(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the private key file " + file, e);
    }
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          file
              + " is not a PKCS#8 PEM private key; convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
    }
    String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // The cause's message never includes key material; the file name is enough to act on.
      throw new IllegalArgumentException(file + " does not hold a readable RSA private key");
    }
  }
}
