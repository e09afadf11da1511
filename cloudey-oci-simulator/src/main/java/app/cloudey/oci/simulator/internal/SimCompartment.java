package app.cloudey.oci.simulator.internal;

/** A generated compartment; index 0 is the tenancy (root). */
record SimCompartment(
    int index,
    String id,
    String name,
    int parent,
    String path,
    int depth,
    boolean active,
    long createdHour) {}
