/** The advisor benchmark: one recommendations run over 100k and 10k resources in PostgreSQL. */
@NullMarked
package app.cloudey.bench.advisor;

import org.jspecify.annotations.NullMarked;
