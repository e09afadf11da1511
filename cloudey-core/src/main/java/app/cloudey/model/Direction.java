package app.cloudey.model;

/**
 * Which way a cost moved between two periods, as the views report it: {@link #UP} or {@link #DOWN}
 * when the change is more than {@link Change#STABLE_PERCENT} percent, else {@link #STABLE}.
 */
public enum Direction {
  UP,
  DOWN,
  STABLE
}
