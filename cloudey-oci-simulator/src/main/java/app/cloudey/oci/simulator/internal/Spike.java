package app.cloudey.oci.simulator.internal;

/**
 * A planted cost spike: on {@code epochDay} resource {@code resource} bills {@code percent} / 100
 * times its usual compute quantity.
 */
record Spike(int resource, long epochDay, int percent) {}
