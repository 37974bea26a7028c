package cn.cvp.provider.offering.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.provider.provider.domain.Provider;
import cn.cvp.provider.provider.domain.ProviderStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferingTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    /** A provider just registered (REGISTERED), or listed by the administrator's shortcut (ACTIVE). */
    static Provider provider(ProviderStatus status) {
        Provider p = Provider.register(new Provider.Registration("91110105MA03PRD108", "京算", "110105", 3,
                "北京", true, List.of()), NOW);
        if (status == ProviderStatus.ACTIVE) {
            p.accredit(List.of("BJ-AICV"), null, NOW);
        }
        assertThat(p.status()).isEqualTo(status);
        return p;
    }

    static OfferingTerms terms(OffsetDateTime from, OffsetDateTime to) {
        return new OfferingTerms(ResourceClass.GPU_H800_80G, "310104", 32, 1_500, from, to);
    }

    @Test
    void aDraftIsPublishedThenWithdrawn() {
        Provider provider = provider(ProviderStatus.ACTIVE);
        Offering o = Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusMonths(6)), NOW);
        assertThat(o.status()).isEqualTo(OfferingStatus.DRAFT);
        assertThat(o.version()).isEqualTo(1);
        assertThat(o.providerId()).isEqualTo(provider.id());

        o.publish(provider, NOW);
        assertThat(o.status()).isEqualTo(OfferingStatus.PUBLISHED);
        assertThat(o.publishedAt()).isEqualTo(NOW);

        o.withdraw(NOW.plusDays(2));
        assertThat(o.status()).isEqualTo(OfferingStatus.WITHDRAWN);
        assertThat(o.withdrawnAt()).isEqualTo(NOW.plusDays(2));
    }

    @Test
    void illegalTransitionsAnswerWithTheCurrentStateAndChangeNothing() {
        Provider provider = provider(ProviderStatus.ACTIVE);
        Offering o = Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusMonths(6)), NOW);
        assertThatThrownBy(() -> o.withdraw(NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.details()).containsEntry("currentState", "DRAFT"));
        assertThat(o.status()).isEqualTo(OfferingStatus.DRAFT);
        o.publish(provider, NOW);
        o.withdraw(NOW);
        assertThatThrownBy(() -> o.publish(provider, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.details()).containsEntry("currentState", "WITHDRAWN"));
        assertThat(o.status()).isEqualTo(OfferingStatus.WITHDRAWN);
    }

    @Test
    void aSuspendedProviderCanNeitherDraftNorPublish() {
        Provider provider = provider(ProviderStatus.ACTIVE);
        Offering o = Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusMonths(6)), NOW);
        provider.suspend("complaint", NOW);
        assertThatThrownBy(() -> o.publish(provider, NOW)).isInstanceOf(DomainException.class);
        assertThat(o.status()).isEqualTo(OfferingStatus.DRAFT);
        assertThatThrownBy(() -> Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusMonths(6)), NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aRegisteredProviderMayAlreadyPublishItsPrices() {
        Provider provider = provider(ProviderStatus.REGISTERED);
        Offering o = Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusMonths(6)), NOW);
        o.publish(provider, NOW);
        assertThat(o.status()).isEqualTo(OfferingStatus.PUBLISHED);
    }

    @Test
    void aWindowEndsAfterItStartsAndLastsAtMostThreeYears() {
        assertThatThrownBy(() -> terms(NOW, NOW)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(ProblemException.of(e).status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.violations()).extracting(DomainException.Violation::field).containsExactly("availableTo");
            assertThat(ProblemException.of(e).errors()).extracting(ProblemException.FieldError::field)
                    .containsExactly("availableTo");
        });
        assertThatThrownBy(() -> terms(NOW, NOW.minusDays(1))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> terms(NOW, NOW.plusYears(3).plusSeconds(1))).isInstanceOf(DomainException.class);
        assertThat(terms(NOW, NOW.plusYears(3)).availableTo()).isEqualTo(NOW.plusYears(3));
    }

    @Test
    void aWindowThatHasEndedCannotBeOfferedOrPublished() {
        Provider provider = provider(ProviderStatus.ACTIVE);
        assertThatThrownBy(() -> Offering.draft(provider, terms(NOW.minusMonths(2), NOW.minusDays(1)), NOW))
                .isInstanceOf(DomainException.class);
        Offering o = Offering.draft(provider, terms(NOW.plusDays(1), NOW.plusDays(10)), NOW);
        assertThatThrownBy(() -> o.publish(provider, NOW.plusDays(11)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("OFFERING_WINDOW_ENDED"));
        assertThat(o.status()).isEqualTo(OfferingStatus.DRAFT);
    }

    @Test
    void theCatalogueKnowsCategoryChipAndUnit() {
        assertThat(ResourceClass.NPU_ASCEND_910B.domesticChip()).isTrue();
        assertThat(ResourceClass.GPU_MLU370.domesticChip()).isTrue();
        assertThat(ResourceClass.GPU_A800_80G.domesticChip()).isFalse();
        assertThat(ResourceClass.GPU_A800_80G.unit()).isEqualTo(BillingUnit.CARD_HOUR);
        assertThat(ResourceClass.STORAGE_TB_MONTH.category()).isEqualTo(ResourceCategory.STORAGE);
        assertThat(ResourceClass.STORAGE_TB_MONTH.unit()).isEqualTo(BillingUnit.TB_MONTH);
        assertThat(ResourceClass.CPU_X86_CORE.category()).isEqualTo(ResourceCategory.COMPUTE);
        assertThat(ResourceClass.CPU_X86_CORE.unit()).isEqualTo(BillingUnit.CORE_HOUR);
        for (ResourceClass c : ResourceClass.values()) {
            assertThat(c.unit() == BillingUnit.TB_MONTH).as(c.name()).isEqualTo(c.category() == ResourceCategory.STORAGE);
        }
    }

    @Test
    void anOfferingsStatedUnitMustBeItsResourceClasss() {
        ResourceClass.STORAGE_TB_MONTH.requireUnit(BillingUnit.TB_MONTH);
        ResourceClass.CPU_X86_CORE.requireUnit(BillingUnit.CORE_HOUR);
        ResourceClass.GPU_A800_80G.requireUnit(null); // none stated: the class's
        assertThatThrownBy(() -> ResourceClass.GPU_A800_80G.requireUnit(BillingUnit.TB_MONTH))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNIT_DOES_NOT_FIT_RESOURCE_CLASS");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_VIOLATION);
                });
        assertThatThrownBy(() -> ResourceClass.CPU_X86_CORE.requireUnit(BillingUnit.CARD_HOUR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ResourceClass.STORAGE_TB_MONTH.requireUnit(BillingUnit.CORE_HOUR))
                .isInstanceOf(DomainException.class);
    }
}
