package dev.leadrouter.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * One run of {@link LeadRouterCli#execute}, the production entry point, in this JVM: its exit code
 * and what it printed. Standard output and error are swapped for buffers during the run and always
 * put back; picocli opens its writers on whatever {@code System.out} and {@code System.err} are
 * when a command line is built, which {@code execute} does on every call.
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // picocli writes in the platform charset unless told otherwise; read it back in the same one.
    Charset charset = Charset.defaultCharset();
    int exitCode;
    try {
      System.setOut(new PrintStream(out, true, charset));
      System.setErr(new PrintStream(err, true, charset));
      exitCode = LeadRouterCli.execute(args);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new CliRun(exitCode, out.toString(charset), err.toString(charset));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
  }
}
