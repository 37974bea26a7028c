package cn.cvp.provider.usage.domain;

import cn.cvp.provider.allocation.domain.AllocationStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.cvp.provider.usage.domain.UsageBatch.Outcome.ACCEPTED_FOR_PROCESSING;
import static cn.cvp.provider.usage.domain.UsageBatch.Outcome.DUPLICATE;
import static cn.cvp.provider.usage.domain.UsageBatch.Outcome.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageBatchTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID OTHER_PROVIDER = UUID.randomUUID();

    static Reservation allocation(UUID providerId, AllocationStatus status) {
        return new Reservation(UUID.randomUUID(), providerId, status);
    }

    static UsageRecord record(String recordId, UUID allocationId, String units) {
        BigDecimal u = new BigDecimal(units);
        return new UsageRecord(recordId, allocationId, NOW.minusDays(1), NOW.minusHours(1), u, 100L,
                u.multiply(BigDecimal.valueOf(100)).longValueExact(), "DC-" + recordId);
    }

    static Map<UUID, Reservation> index(Reservation... allocations) {
        return java.util.Arrays.stream(allocations).collect(java.util.stream.Collectors.toMap(Reservation::allocationId, a -> a));
    }

    @Test
    void newValidRecordsBecomeCandidatesInRecordIdOrder() {
        Reservation held = allocation(PROVIDER, AllocationStatus.HELD);
        UsageBatch batch = new UsageBatch(List.of(record("b", held.allocationId(), "1"), record("a", held.allocationId(), "2")));
        List<UsageBatch.Candidate> candidates = batch.screen(PROVIDER, Map.of(), index(held), NOW);
        assertThat(candidates).extracting(c -> c.record().recordId()).containsExactly("a", "b");
        candidates.forEach(batch::stored);
        List<UsageBatch.Result> results = batch.results();
        assertThat(results).extracting(UsageBatch.Result::recordId).containsExactly("b", "a");
        assertThat(results).extracting(UsageBatch.Result::status).containsOnly(ACCEPTED_FOR_PROCESSING);
        assertThat(results.get(1).usageReportId()).isEqualTo(candidates.get(0).usageReportId());
    }

    @Test
    void aReplayIsAnsweredAsBeforeAndAChangedRecordIsAConflict() {
        Reservation held = allocation(PROVIDER, AllocationStatus.HELD);
        UsageRecord original = record("r1", held.allocationId(), "1");
        UUID storedId = UUID.randomUUID();
        Map<String, UsageBatch.StoredReport> before = Map.of("r1",
                new UsageBatch.StoredReport(storedId, "r1", original.fingerprint()));

        UsageBatch replay = new UsageBatch(List.of(original));
        assertThat(replay.screen(PROVIDER, before, index(held), NOW)).isEmpty();
        assertThat(replay.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DUPLICATE);
            assertThat(r.usageReportId()).isEqualTo(storedId);
        });

        UsageBatch changed = new UsageBatch(List.of(record("r1", held.allocationId(), "2")));
        assertThat(changed.screen(PROVIDER, before, index(held), NOW)).isEmpty();
        assertThat(changed.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(REJECTED);
            assertThat(r.code()).isEqualTo("RECORD_CONFLICT");
        });
    }

    @Test
    void aReplayIsADuplicateEvenAfterTheAllocationClosed() {
        Reservation cancelled = allocation(PROVIDER, AllocationStatus.CANCELLED);
        UsageRecord original = record("r1", cancelled.allocationId(), "1");
        UsageBatch replay = new UsageBatch(List.of(original));
        replay.screen(PROVIDER, Map.of("r1", new UsageBatch.StoredReport(UUID.randomUUID(), "r1", original.fingerprint())),
                index(cancelled), NOW);
        assertThat(replay.results().get(0).status()).isEqualTo(DUPLICATE);
    }

    @Test
    void onlyTheProvidersOwnHeldOrActiveAllocationsTakeUsage() {
        Reservation active = allocation(PROVIDER, AllocationStatus.ACTIVE);
        Reservation proposed = allocation(PROVIDER, AllocationStatus.PROPOSED);
        Reservation cancelled = allocation(PROVIDER, AllocationStatus.CANCELLED);
        Reservation foreign = allocation(OTHER_PROVIDER, AllocationStatus.HELD);
        UsageBatch batch = new UsageBatch(List.of(record("1", active.allocationId(), "1"),
                record("2", proposed.allocationId(), "1"), record("3", cancelled.allocationId(), "1"),
                record("4", foreign.allocationId(), "1"), record("5", UUID.randomUUID(), "1")));
        batch.screen(PROVIDER, Map.of(), index(active, proposed, cancelled, foreign), NOW).forEach(batch::stored);
        assertThat(batch.results()).extracting(UsageBatch.Result::code).containsExactly(null,
                "ALLOCATION_NOT_BILLABLE", "ALLOCATION_NOT_BILLABLE", "ALLOCATION_NOT_FOUND", "ALLOCATION_NOT_FOUND");
    }

    @Test
    void repeatsWithinABatchFollowTheirFirstOccurrence() {
        Reservation held = allocation(PROVIDER, AllocationStatus.HELD);
        UsageRecord bad = new UsageRecord("x", held.allocationId(), NOW.minusDays(1), NOW.minusHours(1),
                BigDecimal.ONE, 100L, 99L, "DC");
        UsageBatch batch = new UsageBatch(List.of(record("a", held.allocationId(), "1"), record("a", held.allocationId(), "1"),
                record("a", held.allocationId(), "5"), bad, bad));
        List<UsageBatch.Candidate> candidates = batch.screen(PROVIDER, Map.of(), index(held), NOW);
        assertThat(candidates).hasSize(1);
        batch.stored(candidates.get(0));
        List<UsageBatch.Result> results = batch.results();
        assertThat(results).extracting(UsageBatch.Result::status)
                .containsExactly(ACCEPTED_FOR_PROCESSING, DUPLICATE, REJECTED, REJECTED, REJECTED);
        assertThat(results.get(1).usageReportId()).isEqualTo(results.get(0).usageReportId());
        assertThat(results).extracting(UsageBatch.Result::code)
                .containsExactly(null, null, "RECORD_CONFLICT", "AMOUNT_MISMATCH", "AMOUNT_MISMATCH");
    }

    @Test
    void aRecordStoredFirstByAConcurrentRequestIsAnsweredAsAReplay() {
        Reservation held = allocation(PROVIDER, AllocationStatus.HELD);
        UsageRecord r = record("a", held.allocationId(), "1");
        UsageBatch batch = new UsageBatch(List.of(r));
        UsageBatch.Candidate c = batch.screen(PROVIDER, Map.of(), index(held), NOW).get(0);
        UUID winner = UUID.randomUUID();
        batch.storedBefore(c, new UsageBatch.StoredReport(winner, "a", r.fingerprint()));
        assertThat(batch.results().get(0)).satisfies(res -> {
            assertThat(res.status()).isEqualTo(DUPLICATE);
            assertThat(res.usageReportId()).isEqualTo(winner);
        });
    }

    @Test
    void everyRecordMustBeDecided() {
        Reservation held = allocation(PROVIDER, AllocationStatus.HELD);
        UsageBatch batch = new UsageBatch(List.of(record("a", held.allocationId(), "1")));
        batch.screen(PROVIDER, Map.of(), index(held), NOW);
        assertThatThrownBy(batch::results).isInstanceOf(IllegalStateException.class);
    }
}
