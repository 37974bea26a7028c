package cn.cvp.provider.support;

import cn.cvp.kit.security.Actor;
import cn.cvp.provider.allocation.messaging.AllocationEventsConsumer;
import cn.cvp.provider.offering.application.DraftOffering;
import cn.cvp.provider.offering.application.OfferingLifecycle;
import cn.cvp.provider.offering.domain.OfferingTerms;
import cn.cvp.provider.offering.domain.ResourceClass;
import cn.cvp.provider.provider.application.AccreditProvider;
import cn.cvp.provider.provider.application.AccreditationService;
import cn.cvp.provider.provider.application.ProviderQueries;
import cn.cvp.provider.provider.application.ProviderRegistration;
import cn.cvp.provider.provider.application.RegisterProvider;
import cn.cvp.provider.provider.application.StartPublicNotice;
import cn.cvp.provider.provider.application.StartVerification;
import cn.cvp.provider.provider.application.SubmitSelfAssessment;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.ProviderStatus;
import cn.cvp.provider.provider.persistence.ProviderRepository;
import cn.cvp.provider.usage.application.ReportUsage;
import cn.cvp.provider.usage.application.UsageIntakeService;
import cn.cvp.provider.usage.domain.UsageBatch;
import cn.cvp.provider.usage.domain.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Puts the service into the state a test starts from, through its own use cases (as another user or
 * another service would have): registered and accredited providers, allocations held for them.
 */
@ApplicationScoped
public class Fixtures {
    private static final Actor TEST = new Actor("test-fixture", "test-fixture", null);
    private final ProviderRegistration registration;
    private final AccreditationService accreditation;
    private final ProviderQueries providers;
    private final ProviderRepository providerRows;
    private final OfferingLifecycle offerings;
    private final UsageIntakeService usage;
    private final AllocationEventsConsumer allocationEvents;

    public Fixtures(ProviderRegistration registration, AccreditationService accreditation, ProviderQueries providers,
                    ProviderRepository providerRows, OfferingLifecycle offerings, UsageIntakeService usage,
                    AllocationEventsConsumer allocationEvents) {
        this.registration = registration;
        this.accreditation = accreditation;
        this.providers = providers;
        this.providerRows = providerRows;
        this.offerings = offerings;
        this.usage = usage;
        this.allocationEvents = allocationEvents;
    }

    private static Actor of(String creditCode) {
        return new Actor("test-fixture", "test-fixture", creditCode);
    }

    /** The organisation's provider, registered if it was not yet (status REGISTERED). */
    @ActivateRequestContext
    public UUID registered(String creditCode, int yearsOperating) {
        return providers.findRegistered(creditCode)
                .orElseGet(() -> registration.register(of(creditCode), new RegisterProvider(new Provider.Registration(
                        creditCode, "测试算力 " + creditCode, creditCode.substring(2, 8), yearsOperating,
                        "北京市海淀区中关村 1 号", true, List.of()))))
                .id();
    }

    /** The organisation's provider, registered and accredited (ACTIVE) for BJ-AICV if it was not yet. */
    @ActivateRequestContext
    public UUID active(String creditCode) {
        UUID id = registered(creditCode, 5);
        if (providers.findRegistered(creditCode).orElseThrow().status() != ProviderStatus.ACTIVE) {
            accreditation.accredit(TEST, new AccreditProvider(id, List.of("BJ-AICV"), "test fixture"));
        }
        return id;
    }

    /** The organisation's provider, registered and self-assessed (SELF_ASSESSED) for BJ-AICV and SH-ICV. */
    @ActivateRequestContext
    public UUID selfAssessed(String creditCode) {
        UUID id = registered(creditCode, 5);
        accreditation.selfAssess(of(creditCode), new SubmitSelfAssessment(id,
                new Provider.SelfAssessment(true, true, "https://example.cn/prices.pdf", "自评通过",
                        List.of("BJ-AICV", "SH-ICV"))));
        return id;
    }

    /** The organisation's provider on public notice (公示) from now. */
    @ActivateRequestContext
    public UUID onNotice(String creditCode) {
        UUID id = selfAssessed(creditCode);
        accreditation.startVerification(TEST, new StartVerification(id, null));
        accreditation.startPublicNotice(TEST, new StartPublicNotice(id, null, "verified"));
        return id;
    }

    /** A draft offering of the provider: 16 A800 cards in Beijing for a year from tomorrow. */
    @ActivateRequestContext
    public UUID draftOffering(UUID providerId) {
        Provider provider = providerRows.findById(providerId);
        OffsetDateTime from = OffsetDateTime.now().plusDays(1);
        return offerings.draft(of(provider.creditCode()), new DraftOffering(
                new OfferingTerms(ResourceClass.GPU_A800_80G, "110105", 16, 900, from, from.plusYears(1)))).id();
    }

    /** An allocation allocation-service made and voucher-service held for the provider (status HELD). */
    @ActivateRequestContext
    public UUID heldAllocation(UUID providerId, long unitPriceFen) {
        UUID allocationId = UUID.randomUUID();
        deliver(AllocationEventJson.created(allocationId, providerId, 8, 5_000, unitPriceFen));
        deliver(AllocationEventJson.held(UUID.randomUUID().toString(), allocationId, providerId, 1_000_000));
        return allocationId;
    }

    /** An allocation that was only proposed (no hold yet). */
    @ActivateRequestContext
    public UUID proposedAllocation(UUID providerId, long unitPriceFen) {
        UUID allocationId = UUID.randomUUID();
        deliver(AllocationEventJson.created(allocationId, providerId, 8, 5_000, unitPriceFen));
        return allocationId;
    }

    /** One usage report of the provider on the allocation, as its own user would have submitted it. */
    @ActivateRequestContext
    public UUID reportedUsage(UUID providerId, UUID allocationId) {
        Provider provider = providerRows.findById(providerId);
        OffsetDateTime end = OffsetDateTime.now().minusHours(1);
        List<UsageBatch.Result> results = usage.report(of(provider.creditCode()), new ReportUsage(
                List.of(new UsageRecord("fixture-" + UUID.randomUUID(), allocationId, end.minusHours(1), end,
                        BigDecimal.ONE, 1_000L, 1_000L, "DC-fixture"))));
        return results.get(0).usageReportId();
    }

    /** Hands an allocation.events message to the service's consumer, as Kafka does (its own transaction). */
    @ActivateRequestContext
    public void deliver(String eventJson) {
        allocationEvents.apply(List.of(eventJson));
    }
}
