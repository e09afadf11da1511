/** Benchmarks of the cost views (dashboard, detailed costs) on PostgreSQL and Redis. */
package app.cloudey.bench.views;
