package app.cloudey.oci.internal;

import app.cloudey.CloudeyProviderException;
import app.cloudey.model.CostLine;
import app.cloudey.model.Period;
import app.cloudey.oci.OciService;
import app.cloudey.spi.CostSource;
import com.oracle.bmc.usageapi.model.RequestSummarizedUsagesDetails;
import com.oracle.bmc.usageapi.model.UsageAggregation;
import com.oracle.bmc.usageapi.requests.RequestSummarizedUsagesRequest;
import com.oracle.bmc.usageapi.responses.RequestSummarizedUsagesResponse;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Costs from the Usage API ({@code RequestSummarizedUsages}): COST, DAILY, UTC-midnight bounds with
 * an exclusive end, one fixed group-by set, every {@code opc-next-page} followed by hand (the Java
 * SDK has no paginator for this call). Requests go a month at a time; a chunk whose first page is
 * refused with 400 (OCI's answer to a range it finds too long) is split in halves, down to single
 * days. The stream is lazy: one page is fetched when the previous one is consumed.
 */
public final class OciCostSource implements CostSource {
  /** The group-by set: every dimension of a {@link CostLine}'s natural key plus the path. */
  static final List<String> GROUP_BY =
      List.of(
          "service",
          "skuPartNumber",
          "skuName",
          "unit",
          "compartmentId",
          "compartmentPath",
          "resourceId",
          "region");

  /** OCI's deepest compartment nesting is 6; deeper than that keeps every compartment its own. */
  private static final BigDecimal COMPARTMENT_DEPTH = BigDecimal.valueOf(7);

  private final ListContext ctx;

  public OciCostSource(ListContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Stream<CostLine> fetch(Period period) {
    Iterator<CostLine> lines = new Lines(period);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The request of one chunk and page. */
  static RequestSummarizedUsagesRequest request(
      String tenancyId, Period chunk, @Nullable String page, @Nullable Integer limit) {
    return RequestSummarizedUsagesRequest.builder()
        .requestSummarizedUsagesDetails(
            RequestSummarizedUsagesDetails.builder()
                .tenantId(tenancyId)
                .timeUsageStarted(midnight(chunk.start()))
                .timeUsageEnded(midnight(chunk.end()))
                .granularity(RequestSummarizedUsagesDetails.Granularity.Daily)
                .queryType(RequestSummarizedUsagesDetails.QueryType.Cost)
                .groupBy(GROUP_BY)
                .compartmentDepth(COMPARTMENT_DEPTH)
                .build())
        .page(page)
        .limit(limit)
        .build();
  }

  private static Date midnight(java.time.LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Halves of a chunk of two days or more, for a range OCI refused. */
  static List<Period> split(Period chunk) {
    long half = chunk.days() / 2;
    java.time.LocalDate middle = chunk.start().plusDays(half);
    return List.of(Period.of(chunk.start(), middle), Period.of(middle, chunk.end()));
  }

  private final class Lines implements Iterator<CostLine> {
    private final Period period;
    private final Deque<Period> chunks;
    private final UsageLines mapper = new UsageLines(ctx.accountId());
    private @Nullable Period chunk;
    private @Nullable String nextPage;
    private Iterator<CostLine> buffer = List.<CostLine>of().iterator();

    Lines(Period period) {
      this.period = period;
      this.chunks = new ArrayDeque<>(period.splitByMonth());
    }

    @Override
    public boolean hasNext() {
      while (!buffer.hasNext()) {
        if (chunk == null) {
          chunk = chunks.pollFirst();
          nextPage = null;
          if (chunk == null) {
            return false;
          }
        }
        fetchPage();
      }
      return true;
    }

    @Override
    public CostLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.next();
    }

    private void fetchPage() {
      Period current = chunk;
      String page = nextPage;
      RequestSummarizedUsagesResponse response;
      try {
        response =
            ctx.calls()
                .call(
                    OciService.USAGE,
                    "RequestSummarizedUsages",
                    () ->
                        ctx.clients()
                            .usage(ctx.homeRegion())
                            .requestSummarizedUsages(
                                request(ctx.tenancyId(), current, page, ctx.pageLimit())));
      } catch (CloudeyProviderException e) {
        if (e.status() == 400 && page == null && current.days() > 1) {
          // nothing of this chunk was emitted yet, so splitting cannot duplicate lines
          List<Period> halves = split(current);
          chunks.addFirst(halves.get(1));
          chunks.addFirst(halves.get(0));
          chunk = null;
          return;
        }
        throw e;
      }
      UsageAggregation aggregation = response.getUsageAggregation();
      List<CostLine> lines =
          mapper.map(
              aggregation == null || aggregation.getItems() == null
                  ? List.of()
                  : aggregation.getItems());
      buffer = lines.stream().filter(l -> period.contains(l.day())).iterator();
      String next = response.getOpcNextPage();
      if (next == null || next.isBlank()) {
        chunk = null;
      } else if (next.equals(page)) {
        throw new CloudeyProviderException(
            "OCI RequestSummarizedUsages returned the page token '" + next + "' twice",
            200,
            null,
            response.getOpcRequestId());
      } else {
        nextPage = next;
      }
    }
  }
}
