package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.enterprise.domain.Enterprise;
import cn.cvp.voucher.enterprise.domain.EnterpriseSize;
import cn.cvp.voucher.enterprise.domain.Industry;
import cn.cvp.voucher.enterprise.domain.Ownership;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.settlement.domain.ProviderDirectoryEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Enterprises and applications the review rules' unit tests start from, and the variants they need. */
final class Examples {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    private Examples() {
    }

    /** A small Beijing software company, honest, not a startup, not a team. */
    static Enterprise enterprise() {
        return enterprise("110108", Industry.SOFTWARE_IT_SERVICES, false, false);
    }

    static Enterprise enterprise(String region, Industry industry, boolean team, boolean dishonest) {
        return Enterprise.register(UUID.randomUUID(), new Enterprise.Profile("北京智算科技有限公司", "91110108MA01ENT1XN",
                region, industry, EnterpriseSize.SMALL, false, team, Ownership.PRIVATE, dishonest, List.of()), NOW);
    }

    /** The credit code of {@link #partner()}, the provider the example contracts are signed with. */
    static final String PARTNER = "91110105MA03PRD108";

    static Contract contract() {
        return new Contract("BJ-2026-001", LocalDate.parse("2026-10-01"), 6, PARTNER);
    }

    /** An ACTIVE provider, partner of Beijing's (BJ-AICV) and Shanghai's (SH-ICV) programmes, related to nobody. */
    static ProviderDirectoryEntry partner() {
        return provider(PARTNER, "ACTIVE", List.of("BJ-AICV", "SH-ICV"), List.of());
    }

    static ProviderDirectoryEntry provider(String creditCode, String status, List<String> programmes,
                                           List<String> relatedParties) {
        ProviderDirectoryEntry p = ProviderDirectoryEntry.of(UUID.randomUUID(), creditCode, "京算智能科技有限公司");
        p.standing(status, programmes, relatedParties);
        return p;
    }

    /** ¥100,000 of A800 card-hours under a 6-month contract signed 2026-10-01; ¥20,000 of subsidy requested. */
    static Application application() {
        return application(ResourceClass.GPU_A800_80G, contract(), false);
    }

    static Application application(ResourceClass resourceClass, Contract contract, boolean otherSubsidyDeclared) {
        Application a = Application.draft(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(),
                "91110108MA01ENT1XN", NOW);
        a.describe(new Demand(resourceClass, 1000, List.of("110000"), OffsetDateTime.parse("2026-12-01T00:00:00+08:00"),
                        OffsetDateTime.parse("2027-03-01T00:00:00+08:00")), "大模型微调", 10_000_000, contract,
                otherSubsidyDeclared, 2_000_000);
        return a;
    }
}
