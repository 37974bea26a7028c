package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.domain.EnterpriseSize;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.enterprise.domain.Ownership;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static cn.cvp.voucher.review.domain.Examples.NOW;
import static cn.cvp.voucher.review.domain.Examples.PARTNER;
import static cn.cvp.voucher.review.domain.Examples.contract;
import static cn.cvp.voucher.review.domain.Examples.enterprise;
import static cn.cvp.voucher.review.domain.Examples.partner;
import static cn.cvp.voucher.review.domain.Examples.provider;
import static org.assertj.core.api.Assertions.assertThat;

/** Beijing's contract binds the provider: named, known, an ACTIVE partner of the programme, not a related party. */
class ContractProviderTest {

    private static Optional<String> code(Enterprise e, Contract c, ProviderDirectoryEntry p) {
        return ContractProvider.check(beijing(), "BJ-AICV", e, c, p).map(Refusal::code);
    }

    private static Enterprise enterpriseRelatedTo(String... parties) {
        return Enterprise.register(UUID.randomUUID(), new Enterprise.Profile("北京智算科技有限公司", "91110108MA01ENT1XN",
                "110108", Industry.SOFTWARE_IT_SERVICES, EnterpriseSize.SMALL, false, false, Ownership.PRIVATE, false,
                List.of(parties)), NOW);
    }

    @Test
    void anActivePartnerOfTheProgrammeThatIsNotRelatedPasses() {
        assertThat(code(enterprise(), contract(), partner())).isEmpty();
    }

    @Test
    void theContractMustNameItsProvider() {
        Contract unnamed = new Contract("BJ-2026-001", LocalDate.parse("2026-10-01"), 6, null);
        assertThat(code(enterprise(), unnamed, null)).contains("CONTRACT_PROVIDER_REQUIRED");
        Contract blank = new Contract("BJ-2026-001", LocalDate.parse("2026-10-01"), 6, " ");
        assertThat(code(enterprise(), blank, null)).contains("CONTRACT_PROVIDER_REQUIRED");
    }

    @Test
    void aProviderNobodyToldUsOfIsUnknown() {
        Optional<Refusal> refusal = ContractProvider.check(beijing(), "BJ-AICV", enterprise(), contract(), null);
        assertThat(refusal).map(Refusal::code).contains("CONTRACT_PROVIDER_UNKNOWN");
        assertThat(refusal).map(Refusal::messageEn).contains("No provider with credit code " + PARTNER + " is known");
        assertThat(refusal).map(Refusal::messageZh).contains("未找到统一社会信用代码为 " + PARTNER + " 的算力服务机构");
    }

    @Test
    void onlyAnActiveMemberOfThisProgrammeIsAPartner() {
        for (String status : List.of("REGISTERED", "VERIFYING", "PUBLIC_NOTICE", "SUSPENDED", "REMOVED", "EXITED")) {
            assertThat(code(enterprise(), contract(), provider(PARTNER, status, List.of("BJ-AICV"), List.of())))
                    .as(status).contains("CONTRACT_PROVIDER_NOT_PARTNER");
        }
        assertThat(code(enterprise(), contract(), provider(PARTNER, "ACTIVE", List.of("SH-ICV"), List.of())))
                .contains("CONTRACT_PROVIDER_NOT_PARTNER");
        assertThat(code(enterprise(), contract(), provider(PARTNER, "ACTIVE", List.of(), List.of())))
                .contains("CONTRACT_PROVIDER_NOT_PARTNER");
        assertThat(ContractProvider.check(beijing(), "BJ-AICV", enterprise(), contract(),
                provider(PARTNER, "SUSPENDED", List.of("BJ-AICV"), List.of())).map(Refusal::messageEn))
                .contains("Provider " + PARTNER + " is not an active partner of programme BJ-AICV (status SUSPENDED)");
    }

    @Test
    void relatedPartiesInEitherDirectionAreRefused() {
        // the enterprise lists the provider's credit code, or its name
        assertThat(code(enterpriseRelatedTo(PARTNER), contract(), partner())).contains("CONTRACT_PROVIDER_RELATED");
        assertThat(code(enterpriseRelatedTo("京算智能科技有限公司"), contract(), partner()))
                .contains("CONTRACT_PROVIDER_RELATED");
        // the provider lists the enterprise's credit code
        ProviderDirectoryEntry listsTheEnterprise = provider(PARTNER, "ACTIVE", List.of("BJ-AICV"),
                List.of("91110108MA01ENT1XN"));
        assertThat(code(enterprise(), contract(), listsTheEnterprise)).contains("CONTRACT_PROVIDER_RELATED");
        // the same organisation on both sides
        ProviderDirectoryEntry itself = provider("91110108MA01ENT1XN", "ACTIVE", List.of("BJ-AICV"), List.of());
        Contract withItself = new Contract("BJ-2026-001", LocalDate.parse("2026-10-01"), 6, "91110108MA01ENT1XN");
        assertThat(code(enterprise(), withItself, itself)).contains("CONTRACT_PROVIDER_RELATED");
        // someone else on either list is no reason
        assertThat(code(enterpriseRelatedTo("北京某某控股有限公司"), contract(),
                provider(PARTNER, "ACTIVE", List.of("BJ-AICV"), List.of("91310115MA02ENT29X")))).isEmpty();
    }

    @Test
    void quotaFirstProgrammesChooseTheProviderAtMatchingAndAreNotChecked() {
        Contract none = new Contract(null, null, null, null);
        assertThat(ContractProvider.check(
                beijingWith("model", ProgrammeRules.FundingModel.QUOTA_FIRST), "SH-ICV", enterprise(), none, null)).isEmpty();
    }
}
