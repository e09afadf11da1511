/**
 * A local OCI for tests, benchmarks and demos: {@link app.cloudey.oci.simulator.OciSimulator} is a
 * real HTTP server on loopback that the <em>unmodified</em> OCI Java SDK talks to through endpoint
 * overrides. It generates a tenancy from a seed, verifies every request's HTTP signature against
 * its generated API user, paginates like OCI, computes costs at OCI list prices and metrics from
 * load profiles on demand, injects faults, counts requests and exposes the ground truth of
 * everything it generated.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (OciSimulator sim = OciSimulator.builder()
 *         .seed(42).now(LocalDate.of(2026, 11, 26))
 *         .regions(2).compartments(20).instances(200).days(90).pageSize(50).currency("USD")
 *         .start()) {
 *   ComputeClient compute = ComputeClient.builder()
 *       .endpoint(sim.endpoint("ComputeClient", "us-ashburn-1"))
 *       .configuration(ClientConfiguration.builder()
 *           .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
 *           .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION).build())
 *       .build(sim.authenticationDetailsProvider());
 *   // or: ConfigFileReader.parse(sim.writeConfig(dir).toString(), "DEFAULT")
 *   int expected = sim.truth().count(ResourceType.INSTANCE, "us-ashburn-1");
 * }
 * }</pre>
 *
 * Endpoints are {@code baseUrl/{region}/{service}} with service one of {@code identity, compute,
 * blockstorage, objectstorage, filestorage, database, loadbalancer, usageapi, monitoring}; {@link
 * app.cloudey.oci.simulator.OciSimulator#endpoint(String, String)} maps an SDK client's simple name
 * to it. Do not call {@code setRegion} on a client after setting the endpoint (the SDK would
 * replace the endpoint). In JUnit 5 use {@link app.cloudey.oci.simulator.OciSimulatorExtension}.
 *
 * <h2>APIs served (JSON written with the SDK's own model classes)</h2>
 *
 * <ul>
 *   <li>Identity: ListRegionSubscriptions, GetTenancy, ListCompartments ({@code
 *       compartmentIdInSubtree=true} only from the tenancy and then {@code accessLevel} is
 *       required; DELETED compartments are listed too unless {@code lifecycleState} filters),
 *       ListAvailabilityDomains.
 *   <li>Compute: ListInstances (terminated instances are listed), ListVolumeAttachments,
 *       ListBootVolumeAttachments ({@code availabilityDomain} required). As in OCI an attachment
 *       lives in its instance's compartment, and some attached volumes (about 10 % of block and 5 %
 *       of boot volumes) are in another compartment of the same region: the attachment lists of a
 *       compartment hold its instances' attachments, wherever the volumes are ({@link
 *       app.cloudey.oci.simulator.Truth#crossCompartmentAttachments()}).
 *   <li>Block Storage: ListVolumes, ListBootVolumes, ListVolumeBackups, ListBootVolumeBackups.
 *   <li>Object Storage: GetNamespace, ListBuckets (summaries only: no id, tier or size), GetBucket
 *       ({@code fields=approximateSize,approximateCount} adds the size and count).
 *   <li>File Storage: ListFileSystems ({@code availabilityDomain} required).
 *   <li>Database: ListDbSystems, ListAutonomousDatabases.
 *   <li>Load Balancer: ListLoadBalancers (backend sets with backends), GetLoadBalancerHealth,
 *       GetBackendSetHealth.
 *   <li>Usage API: RequestSummarizedUsages, DAILY or MONTHLY, COST or USAGE (USAGE currently
 *       returns the same rows as COST), {@code groupBy} of OCI's dimensions, one {@code groupByTag}
 *       (tags {@code env} and {@code team}), nested {@code filter}s, {@code isAggregateByTime};
 *       dates must be UTC midnight (400 otherwise); ranges longer than 31 days (DAILY) or 366 days
 *       (MONTHLY) get 400 InvalidParameter (configurable: {@code usageMaxDays}); dimension fields
 *       are null unless grouped by; {@code unitPrice}, {@code listRate} and {@code unit} are set
 *       when the group pins a SKU ({@code skuPartNumber} or {@code skuName}). Pages follow {@code
 *       opc-next-page}.
 *   <li>Monitoring: SummarizeMetricsData with MQL {@code Metric[1h]{dim = "v", resourceId =~
 *       "a|b"}.groupBy(resourceId).mean()} ({@code max() min() sum() count() percentile(p)}, {@code
 *       grouping()}); intervals of whole hours or {@code 1d}; at most 90 days back from now,
 *       100,000 data points and 2,000 streams (400 beyond). Namespaces {@code oci_computeagent}
 *       (CpuUtilization, MemoryUtilization; instances with the agent), {@code
 *       oci_vmi_resource_utilization} (CpuUtilization), {@code oci_lbaas} (PeakBandwidth Mbps;
 *       HttpRequests, each per-minute point the requests of that minute), {@code oci_blockstore}
 *       (VolumeReadOps, VolumeWriteOps, each per-minute point the operations of that minute;
 *       attached volumes), {@code oci_autonomous_database} (CpuUtilization, StorageUtilization).
 *       {@code sum()} over an hour is its mean x 60, the sum of its per-minute points.
 * </ul>
 *
 * Every list honours {@code limit} (capped at the page size) and {@code page}, and sets {@code
 * opc-next-page} while more items follow. Unknown compartments get 404 NotAuthorizedOrNotFound,
 * missing required parameters 400 MissingParameter.
 *
 * <h2>Authentication</h2>
 *
 * Every request must carry a valid OCI HTTP signature (version 1, rsa-sha256) by the generated
 * user's key, with {@code (request-target)}, {@code host} and {@code date} signed, plus {@code
 * x-content-sha256}, {@code content-length} and {@code content-type} on POST (and matching the
 * body); the date must be within 5 minutes of the server clock. Otherwise: 401 NotAuthenticated.
 *
 * <h2>Costs</h2>
 *
 * One line per (resource, SKU, day) at list prices from the bundled OCI price list (OpenCost
 * capture, Apache-2.0), with tenancy-wide monthly free tiers allocated in (day, resource) order (A1
 * compute, object storage, load balancer base and bandwidth, egress). Golden value: an {@code
 * VM.Standard.E4.Flex} with 2 OCPUs and 16 GB running a whole day costs 2 × 0.025 × 24 + 16 ×
 * 0.0015 × 24 = 1.776 USD. DB systems bill their OCPU hours on the Base Database Service SKU of
 * their edition (Standard Edition B90569, Enterprise Edition B90570). Storage bills per GB-month of
 * 744 hours. Lines without a resource id: network egress per region, a daily support fee
 * (SIM-SUPPORT, 3 USD) and a monthly credit (SIM-CREDIT, −40 USD on the 1st). Other currencies use
 * fixed rates from USD. Amounts have 8 decimals; every Usage API row is an exact sum of lines, so
 * sums match {@link app.cloudey.oci.simulator.Truth} exactly. Opt-in {@link
 * app.cloudey.oci.simulator.CostDynamics} add weekly seasonality, growth and noise to elastic
 * usage, instances created during the history and cost spikes ({@link
 * app.cloudey.oci.simulator.CostSpike}), all in the truth.
 *
 * <h2>Ground truth</h2>
 *
 * {@link app.cloudey.oci.simulator.Truth} gives counts, ids in list order, costs, planted cases,
 * {@link app.cloudey.oci.simulator.ResourceFacts} per resource (every field as the APIs serve it)
 * and daily metric aggregates ({@link app.cloudey.oci.simulator.MetricAggregate}): gauges as mean
 * of hourly means, max of hourly maxima, p95 of hourly means; {@code LB_REQUESTS} as requests per
 * hour (hourly {@code sum()} of HttpRequests) and {@code VOLUME_IOPS} as operations per second
 * averaged over each hour ((hourly {@code sum()} of VolumeReadOps + of VolumeWriteOps) / 3600),
 * with mean, max and p95 over those hourly values.
 *
 * <h2>Planted cases</h2>
 *
 * {@link app.cloudey.oci.simulator.Truth#plantedCases()} lists, per {@link
 * app.cloudey.oci.simulator.PlantedCase}, exactly the resources the matching rule finds at its
 * documented defaults (DESIGN.md §6), judged from served data as of midnight of {@code now};
 * "covered" = data for at least 80 % of the look-back's hours:
 *
 * <ul>
 *   <li>{@code IDLE_INSTANCE}: RUNNING, 24/7, 14-day look-back covered with CPU and memory, P95 of
 *       hourly mean CPU under 5 %, maximum memory under 10 %.
 *   <li>{@code OVERSIZED_INSTANCE}: RUNNING flex shape, 24/7, covered with CPU and memory, P95 CPU
 *       or P95 memory under 40 %, a smaller target (OCPUs from P95 CPU when it is under 40 %, else
 *       kept; memory from P95 memory; each to at most 60 %), and not idle; a low-CPU case has 2+
 *       OCPUs and shrinks both OCPUs and memory, a low-memory case (busy CPU) shrinks its memory
 *       only.
 *   <li>{@code STOPPED_INSTANCE}: STOPPED, the end of its last CPU data point (or of the day of its
 *       last compute cost line) 7 days before now or more.
 *   <li>{@code UNATTACHED_VOLUME} / {@code ORPHANED_BOOT_VOLUME}: a block / boot volume with no
 *       attachment, created 7 days ago or more.
 *   <li>{@code OLD_BACKUP}: created more than 90 days ago, or its source volume is not listed.
 *   <li>{@code NON_PROD_24_7}: RUNNING, a whole non-prod word (dev, test, uat, sandbox, staging,
 *       qa, demo) in its name and {@code env} tag, running every hour of a covered 14-day
 *       look-back, and not idle.
 *   <li>{@code IDLE_LOAD_BALANCER}: no healthy backend (none, or the only one CRITICAL), or, over a
 *       covered 7-day look-back, peak bandwidth under 1 Mbps and under 100 requests every day.
 * </ul>
 *
 * Reconciliation: idle wins (an idle instance is in no other case); rightsizing (for CPU or memory)
 * and non-prod scheduling never overlap. Everything else is kept far from the thresholds without
 * changing a cost (idle and oversized instances have the memory agent; a running 24/7 instance
 * younger than 15 days is neither idle, oversized nor non-prod; backups 88-92 days old have lost
 * their source; load balancers judged on traffic are 15 days old or more).
 *
 * <h2>Faults and counting</h2>
 *
 * {@link app.cloudey.oci.simulator.Faults}: next-N failures (429/500/503), seeded random failures,
 * a failing (service, compartment) scope, latency, slow operations, hangs (timeouts), per-service
 * and per-tenancy rate limits. {@link app.cloudey.oci.simulator.OciSimulator#requestCounts()}
 * counts requests per operation.
 */
@NullMarked
package app.cloudey.oci.simulator;

import org.jspecify.annotations.NullMarked;
