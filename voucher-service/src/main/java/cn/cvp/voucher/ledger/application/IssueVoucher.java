package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.LedgerEntryRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the voucher of an approved application, in the approval's transaction: the voucher, its ISSUE ledger entry
 * and {@code voucher.issued.v1} — which carries the subsidy ratio decided at approval, so that no other service
 * decides it again. A quota (额度, quota-first programmes) is issued the same way, as a voucher marked {@code quota}:
 * allocation-service does not match it, it matches the orders placed against it ({@code PlaceOrder}).
 * For a contract-first programme it carries the contracted provider, so that the voucher is matched with that
 * provider's offerings only.
 */
@ApplicationScoped
public class IssueVoucher {

    /** The compute the voucher is for, as allocation-service matches it: a quantity in the class's unit. */
    public record Demand(String resourceClass, String unit, long quantity, List<String> regions,
                         OffsetDateTime windowStart, OffsetDateTime windowEnd) {
    }

    public record Command(UUID voucherId, UUID applicationId, UUID programmeId, String programmeCode,
                          UUID enterpriseId, String enterpriseCreditCode, List<String> enterpriseRelatedParties,
                          BigDecimal subsidyRatio, long faceValueFen, BigDecimal domesticChipSubsidyRatio,
                          List<String> providerRequirements, OffsetDateTime approvedAt, OffsetDateTime validUntil,
                          Demand demand, boolean quota,
                          String contractProviderCreditCode) {
    }

    private final VoucherRepository vouchers;
    private final LedgerEntryRepository entries;
    private final Outbox outbox;
    private final AuditLog audit;

    public IssueVoucher(VoucherRepository vouchers, LedgerEntryRepository entries, Outbox outbox, AuditLog audit) {
        this.vouchers = vouchers;
        this.entries = entries;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Voucher issue(Command c, Actor actor) {
        OffsetDateTime now = c.approvedAt();
        Voucher voucher = Voucher.issue(c.voucherId(), c.applicationId(), c.programmeId(), c.enterpriseId(),
                c.enterpriseCreditCode(), c.subsidyRatio(), c.faceValueFen(), now, c.validUntil(), c.quota());
        vouchers.persist(voucher);
        entries.persist(voucher.issueEntry(now));
        outbox.append(VoucherEvents.TOPIC, voucher.id().toString(), VoucherEvents.ISSUED, voucher.id().toString(),
                new VoucherEvents.VoucherIssuedV1(voucher.id(), c.applicationId(), c.programmeId(), c.programmeCode(),
                        c.enterpriseCreditCode(), c.enterpriseRelatedParties(), c.faceValueFen(),
                        c.subsidyRatio().toPlainString(),
                        c.domesticChipSubsidyRatio() == null ? null : c.domesticChipSubsidyRatio().toPlainString(),
                        c.providerRequirements(), now, voucher.validUntil(),
                        VoucherEvents.Demand.of(c.demand().resourceClass(), c.demand().unit(), c.demand().quantity(),
                                c.demand().regions(), c.demand().windowStart(), c.demand().windowEnd()), c.quota(),
                        c.contractProviderCreditCode()));
        audit.record(actor, "VOUCHER_ISSUED", "Voucher", voucher.id(), null,
                Map.of("faceValueFen", c.faceValueFen(), "ratio", c.subsidyRatio(), "applicationId", c.applicationId(),
                        "quota", c.quota()));
        return voucher;
    }
}
