package dev.leadrouter.testing;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.leadrouter.config.SecureTransport;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * A WireMock server that also speaks HTTPS with its built-in self-signed certificate (issued to
 * {@code localhost} by no trusted authority), and a name for this machine that does not look like
 * loopback, so a test shows that TLS is verified for an address that is not the emulator's.
 */
public final class UntrustedHttps {

  private UntrustedHttps() {}

  /** Plain HTTP and HTTPS on dynamic ports, listening on every interface. */
  public static WireMockConfiguration server() {
    return WireMockConfiguration.wireMockConfig()
        .dynamicPort()
        .dynamicHttpsPort()
        .bindAddress("0.0.0.0");
  }

  /**
   * This machine's host name when it resolves and is not a loopback spelling (e.g. {@code vm}),
   * otherwise the address of a non-loopback interface.
   */
  public static String nonLoopbackHost() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      if (!SecureTransport.isLoopback(name)) {
        InetAddress.getByName(name);
        return name;
      }
    } catch (UnknownHostException unresolved) {
      // fall through to an interface address
    }
    return interfaceAddress()
        .orElseThrow(() -> new IllegalStateException("no host name or address besides loopback"));
  }

  private static Optional<String> interfaceAddress() {
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (network.isUp() && !network.isLoopback()) {
          for (InetAddress address : Collections.list(network.getInetAddresses())) {
            if (address instanceof Inet4Address) {
              return Optional.of(address.getHostAddress());
            }
          }
        }
      }
    } catch (SocketException unreadable) {
      // no interfaces to offer
    }
    return Optional.empty();
  }
}
