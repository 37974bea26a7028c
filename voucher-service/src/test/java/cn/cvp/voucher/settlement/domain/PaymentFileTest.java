package cn.cvp.voucher.settlement.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank-transfer instruction pays the batch's submitter the sum of its lines, to the fen, with a control total. */
class PaymentFileTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void theSubmitterIsPaidTheSumOfTheLinesAndTheControlTotalAgrees() {
        SettlementBatch b = SettlementBatch.open(UUID.randomUUID(), UUID.randomUUID(),
                new SettlementPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), RedemptionSubmitter.ENTERPRISE,
                "91110108MA01ENT1XN", "enterprise-demo", NOW);
        List<SettlementLine> lines = List.of(line(b, 1, 50_000), line(b, 2, 16_666), line(b, 3, 1));
        lines.forEach(b::add);

        PaymentFile file = PaymentFile.of("BJ-AICV", b, "北京智算科技有限公司, 海淀", lines);

        assertThat(file.totalFen()).isEqualTo(66_667).isEqualTo(b.subsidyFen());
        String[] rows = file.render().split("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo("H,BJ-AICV,2026-11," + b.id() + ",OPEN,");
        assertThat(rows[1]).isEqualTo("P,1,91110108MA01ENT1XN,\"北京智算科技有限公司, 海淀\",3,66667,666.67,兑付 BJ-AICV 2026-11");
        assertThat(rows[2]).isEqualTo("T,1,3,66667,666.67");
    }

    @Test
    void amountsBelowAYuanKeepTwoDecimals() {
        SettlementBatch b = SettlementBatch.open(UUID.randomUUID(), UUID.randomUUID(),
                new SettlementPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), RedemptionSubmitter.PROVIDER,
                "91310104MA04PRD2XL", "provider-demo", NOW);
        List<SettlementLine> lines = List.of(line(b, 7, 5));
        lines.forEach(b::add);
        assertThat(PaymentFile.of("SH-ICV", b, "", lines).render()).endsWith("T,1,1,5,0.05\r\n").contains(",2026-Q3,");
    }

    private static SettlementLine line(SettlementBatch b, long ledgerEntryId, long subsidyFen) {
        return SettlementLine.of(b, new SettlementLine.Capture(ledgerEntryId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), b.submitterCreditCode(), subsidyFen, subsidyFen * 2, NOW));
    }
}
