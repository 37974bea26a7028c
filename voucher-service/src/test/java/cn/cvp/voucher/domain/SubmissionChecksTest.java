package cn.cvp.voucher.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionChecksTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    static ProgrammeRules beijing() {
        return new ProgrammeRules("110000", ProgrammeRules.ProgrammeKind.COMPUTE_VOUCHER, ProgrammeRules.FundingModel.CONTRACT_FIRST,
                new BigDecimal("0.20"), null, null, 200_000_000L, null, true, Set.of(ResourceCategory.COMPUTE), "11",
                Set.of("SOFTWARE_IT_SERVICES", "MANUFACTURING"), Set.of("MICRO", "SMALL", "MEDIUM", "LARGE"), false, 3,
                Set.of(ProgrammeRules.ProviderRequirement.PARTNER_PROGRAMME), LocalDate.parse("2023-09-01"), 12, true, 12,
                50_000_000L, ProgrammeRules.SettlementCycle.MONTHLY, ProgrammeRules.RedemptionSubmitter.ENTERPRISE,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2027-12-31"));
    }

    static Enterprise enterprise() {
        Enterprise e = new Enterprise();
        e.creditCode = "91110108MA01ENT1XN";
        e.region = "110108";
        e.industry = "SOFTWARE_IT_SERVICES";
        e.size = "SMALL";
        e.relatedParties = List.of();
        return e;
    }

    static Application application() {
        Application a = new Application();
        a.resourceClass = ResourceClass.GPU_A800_80G;
        a.cardHours = 1000;
        a.windowStart = OffsetDateTime.parse("2026-12-01T00:00:00+08:00");
        a.windowEnd = OffsetDateTime.parse("2027-03-01T00:00:00+08:00");
        a.contractNumber = "BJ-2026-001";
        a.contractSignedOn = LocalDate.parse("2026-10-01");
        a.contractMonths = 6;
        a.contractAmountFen = 10_000_000;
        a.requestedSubsidyFen = 2_000_000;
        return a;
    }

    private static SubmissionChecks.Context ok() {
        return new SubmissionChecks.Context(TODAY, false, 0, 1_000_000_000L);
    }

    private static List<String> codes(ProgrammeRules rules, Enterprise e, Application a, SubmissionChecks.Context ctx) {
        return SubmissionChecks.run(rules, e, a, ctx).stream().map(SubmissionChecks.Failure::code).toList();
    }

    @Test
    void aCompliantApplicationPasses() {
        assertThat(codes(beijing(), enterprise(), application(), ok())).isEmpty();
    }

    @Test
    void eachFailureHasItsOwnCode() {
        Enterprise shanghai = enterprise();
        shanghai.region = "310115";
        assertThat(codes(beijing(), shanghai, application(), ok())).containsExactly("NOT_ELIGIBLE_REGION");

        Enterprise finance = enterprise();
        finance.industry = "FINANCE";
        assertThat(codes(beijing(), finance, application(), ok())).containsExactly("NOT_ELIGIBLE_INDUSTRY");

        Enterprise team = enterprise();
        team.team = true;
        assertThat(codes(beijing(), team, application(), ok())).containsExactly("NOT_ELIGIBLE_SIZE");

        Enterprise dishonest = enterprise();
        dishonest.dishonest = true;
        assertThat(codes(beijing(), dishonest, application(), ok())).containsExactly("DISHONESTY_RECORD");

        Application storage = application();
        storage.resourceClass = ResourceClass.STORAGE_TB_MONTH;
        assertThat(codes(beijing(), enterprise(), storage, ok())).containsExactly("CATEGORY_NOT_COVERED");

        Application early = application();
        early.contractSignedOn = LocalDate.parse("2023-08-31");
        assertThat(codes(beijing(), enterprise(), early, ok())).containsExactly("CONTRACT_TOO_EARLY");

        Application longContract = application();
        longContract.contractMonths = 13;
        assertThat(codes(beijing(), enterprise(), longContract, ok())).containsExactly("CONTRACT_TOO_LONG");

        Application noContract = application();
        noContract.contractNumber = null;
        assertThat(codes(beijing(), enterprise(), noContract, ok())).containsExactly("CONTRACT_REQUIRED");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, true, 0, 1_000_000_000L)))
                .containsExactly("CONTRACT_ALREADY_USED");

        Application twice = application();
        twice.otherSubsidyDeclared = true;
        assertThat(codes(beijing(), enterprise(), twice, ok())).containsExactly("DOUBLE_DIPPING");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, false, 199_000_000L, 1_000_000_000L)))
                .containsExactly("ANNUAL_CAP_EXCEEDED");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, false, 0, 1_999_999L)))
                .containsExactly("BUDGET_EXHAUSTED");

        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(LocalDate.parse("2028-01-01"), false, 0, 1_000_000_000L)))
                .containsExactly("WINDOW_CLOSED");
    }

    @Test
    void theCapExactlyReachedStillPasses() {
        assertThat(codes(beijing(), enterprise(), application(), new SubmissionChecks.Context(TODAY, false, 198_000_000L, 2_000_000L)))
                .isEmpty();
    }
}
