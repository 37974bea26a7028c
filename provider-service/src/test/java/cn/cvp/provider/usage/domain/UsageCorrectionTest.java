package cn.cvp.provider.usage.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Corrections are new versions of the latest report, never overwrites; a replay answers what it stored. */
class UsageCorrectionTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID ALLOCATION = UUID.randomUUID();

    static UsageRecord record(String units, long amount) {
        return new UsageRecord("R-1", ALLOCATION, NOW.minusDays(1), NOW.minusHours(1), new BigDecimal(units), 100L,
                amount, "DC-1");
    }

    static UsageReport original() {
        UsageRecord r = record("10", 1_000);
        return UsageReport.received(UUID.randomUUID(), PROVIDER, r, r.fingerprint(), UUID.randomUUID(), "prd", NOW);
    }

    @Test
    void aCorrectionOfTheLatestVersionThatChangesSomethingGoesAhead() {
        UsageReport v1 = original();
        UsageRecord changed = record("8", 800);
        assertThat(UsageCorrection.replayOrRefuse(v1, v1, changed.fingerprint())).isEmpty();

        UsageReport v2 = UsageReport.correctionOf(v1, changed, changed.fingerprint(), "double counted", "prd", NOW);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.correctsUsageReportId()).isEqualTo(v1.id());
        assertThat(v2.recordId()).isEqualTo(v1.recordId());
        assertThat(v2.status()).isEqualTo(UsageReportStatus.RECEIVED);
        assertThat(v1.amountFen()).as("the corrected report stays as it was").isEqualTo(1_000);
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        UsageReport v1 = original();
        assertThatThrownBy(() -> UsageCorrection.replayOrRefuse(v1, v1, record("10", 1_000).fingerprint()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("CORRECTION_CHANGES_NOTHING");
                    assertThat(ProblemException.of(e).status()).isEqualTo(422);
                });
    }

    @Test
    void theSameCorrectionAgainIsAReplayOfTheVersionItStored() {
        UsageReport v1 = original();
        UsageRecord changed = record("8", 800);
        UsageReport v2 = UsageReport.correctionOf(v1, changed, changed.fingerprint(), "double counted", "prd", NOW);
        assertThat(UsageCorrection.replayOrRefuse(v1, v2, changed.fingerprint())).containsSame(v2);
    }

    @Test
    void onlyTheLatestVersionCanBeCorrected() {
        UsageReport v1 = original();
        UsageRecord changed = record("8", 800);
        UsageReport v2 = UsageReport.correctionOf(v1, changed, changed.fingerprint(), "double counted", "prd", NOW);
        assertThatThrownBy(() -> UsageCorrection.replayOrRefuse(v1, v2, record("7", 700).fingerprint()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("STALE_CORRECTION");
                    assertThat(ProblemException.of(e).status()).isEqualTo(409);
                    assertThat(e.details()).containsEntry("latestUsageReportId", v2.id().toString())
                            .containsEntry("latestVersion", 2);
                });
    }

    @Test
    void aCorrectionBreakingARecordRuleIsRefusedWithTheRulesCode() {
        DomainException e = UsageCorrection.refused(record("7", 701).check(NOW).orElseThrow());
        assertThat(e.code()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(ProblemException.of(e).status()).isEqualTo(422);
    }
}
