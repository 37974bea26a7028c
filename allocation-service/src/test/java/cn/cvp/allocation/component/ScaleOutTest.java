package cn.cvp.allocation.component;

import cn.cvp.allocation.matching.application.IssuedVoucherService;
import cn.cvp.allocation.matching.application.MatchIssuedVoucher;
import cn.cvp.allocation.matching.domain.ProviderRequirement;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out: two matching engines — each its own thread, transactions and database connections, as two
 * allocation-service instances would be — match vouchers of one resource pool at the same time against one
 * database. Matching is serialized per pool (advisory lock, see ResourcePools): the offering is filled exactly
 * to its capacity and never beyond, and no engine fails on a deadlock.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class ScaleOutTest extends ComponentTest {

    @Inject
    IssuedVoucherService matching;

    private static Voucher.Issued issued(String rc, long cardHours, OffsetDateTime approvedAt) {
        return new Voucher.Issued(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), TestEvents.BJ,
                TestEvents.creditCode(), List.of(), 2_000_000_00L, new BigDecimal("0.20"), null,
                Set.of(ProviderRequirement.PARTNER_PROGRAMME), approvedAt, TestEvents.JAN_1.plusYears(1), rc, cardHours,
                List.of("110000"), TestEvents.JAN_1, TestEvents.JAN_11);
    }

    @Test
    void twoEnginesMatchingOnePoolAtOnceNeverOverReserveIt() throws Exception {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID small = offering(provider, rc, 4, 1500);  // 960 card-hours
        UUID large = offering(provider, rc, 2, 1600);  // 480 card-hours
        int perEngine = 12;
        ExecutorService engines = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int engine = 0; engine < 2; engine++) {
            int e = engine;
            done.add(engines.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < perEngine; i++) {
                    matching.voucherIssued(new MatchIssuedVoucher(UUID.randomUUID().toString(),
                            issued(rc, 70, TestEvents.JAN_1.minusDays(40).plusMinutes(e * 1000L + i))));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES); // an engine failing (deadlock, constraint) fails the test
        }
        engines.shutdown();

        // 24 vouchers × 70 = 1680 card-hours wanted; 1440 on offer: both offerings full, never beyond
        assertThat(reserved(small)).isEqualTo(960);
        assertThat(reserved(large)).isEqualTo(480);
        for (UUID offering : List.of(small, large)) {
            assertThat(count("select coalesce(sum(card_hours), 0) from allocation where offering_id = ?1 "
                    + "and status in ('PROPOSED', 'HELD', 'ACTIVE')", offering)).isEqualTo(reserved(offering));
        }
        assertThat(count("select coalesce(sum(a.card_hours), 0) from allocation a join voucher v on v.voucher_id = a.voucher_id "
                + "where v.demand_resource_class = ?1 and a.status = 'WAITLISTED'", rc)).isEqualTo(1680 - 1440);
        assertThat(count("select count(*) from offering where reserved_unit_hours > capacity_unit_hours")).isZero();
    }
}
