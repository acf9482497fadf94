package dev.leadrouter.score;

/** Fit says how well the lead matches the customer profile; intent how keen it is to buy now. */
public enum ScoreCategory {
  FIT,
  INTENT
}
