package dev.leadrouter.salesforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** One RSA key pair for the JWT tests, generated once per run, never stored in the repository. */
final class TestKeys {

  static final KeyPair PAIR = generate();

  private TestKeys() {}

  /** Writes the private key as PKCS#8 PEM, as openssl genpkey does, and returns the file. */
  static Path pemFile(Path dir) throws IOException {
    Path file = dir.resolve("key.pem");
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(PAIR.getPrivate().getEncoded());
    Files.writeString(
        file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    return file;
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
