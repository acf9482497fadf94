package dev.leadrouter.cli;

public final class LeadRouterCli {
  public static void main(String[] args) {
    System.out.println("lead-router");
  }
}
