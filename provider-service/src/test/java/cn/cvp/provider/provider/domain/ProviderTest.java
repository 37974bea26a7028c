package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");

    static Provider provider(int yearsOperating, ProviderStatus status) {
        return provider(yearsOperating, status, List.of("BJ-AICV"), List.of());
    }

    /**
     * A provider that got to {@code status} along the lifecycle, a month ago: through self-assessment for the
     * {@code requested} programmes (and verification, and the notice) while onboarding, through the administrator's
     * shortcut for the {@code memberships} once listed, exited straight from registration.
     */
    static Provider provider(int yearsOperating, ProviderStatus status, List<String> requested,
                             List<String> memberships) {
        OffsetDateTime then = NOW.minusDays(30);
        Provider p = Provider.register(new Provider.Registration("91110105MA03PRD108", "京算", "110105",
                yearsOperating, "北京市朝阳区 1 号", true, List.of()), then);
        switch (status) {
            case REGISTERED -> {
            }
            case SELF_ASSESSED, VERIFYING, PUBLIC_NOTICE -> {
                p.selfAssess(new Provider.SelfAssessment(true, true, "prices.pdf", null, requested), then);
                if (status != ProviderStatus.SELF_ASSESSED) {
                    p.startVerification(null, then);
                }
                if (status == ProviderStatus.PUBLIC_NOTICE) {
                    p.verified(null, 7, null, then);
                }
            }
            case ACTIVE, SUSPENDED, REMOVED -> {
                p.accredit(memberships, null, then);
                if (status == ProviderStatus.SUSPENDED) {
                    p.suspend("r", then);
                }
                if (status == ProviderStatus.REMOVED) {
                    p.remove("r", then);
                }
            }
            case EXITED -> p.exit(null, then);
        }
        assertThat(p.status()).isEqualTo(status);
        return p;
    }

    @Test
    void registrationStartsTheLifecycle() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        assertThat(p.status()).isEqualTo(ProviderStatus.REGISTERED);
        assertThat(p.programmeMemberships()).isEmpty();
        assertThat(p.id()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderStatus.class, names = {"REGISTERED", "SELF_ASSESSED", "VERIFYING", "PUBLIC_NOTICE"})
    void theFastTrackListsAnOnboardingProvider(ProviderStatus onboarding) {
        Provider p = provider(3, onboarding);
        StatusChange change = p.accredit(List.of("SH-ICV", "BJ-AICV", "SH-ICV"), "fast track", NOW);
        assertThat(change).isEqualTo(new StatusChange(onboarding, ProviderStatus.ACTIVE, "fast track"));
        assertThat(p.status()).isEqualTo(ProviderStatus.ACTIVE);
        assertThat(p.programmeMemberships()).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(p.statusChangedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderStatus.class, names = {"ACTIVE", "SUSPENDED", "REMOVED", "EXITED"})
    void theFastTrackRefusesAProviderPastOnboardingAndChangesNothing(ProviderStatus past) {
        Provider p = provider(3, past);
        assertThatThrownBy(() -> p.accredit(List.of("BJ-AICV"), null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(ProblemException.of(e).status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("ILLEGAL_STATE");
                    assertThat(e.details()).containsEntry("currentState", past.name());
                });
        assertThat(p.status()).isEqualTo(past);
        assertThat(p.programmeMemberships()).isEmpty();
    }

    @Test
    void accreditationNeedsTwoYearsOfOperation() {
        Provider p = provider(1, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> p.accredit(List.of("BJ-AICV"), null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(ProblemException.of(e).status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("ACCREDITATION_CRITERIA_NOT_MET");
                });
        assertThat(p.status()).isEqualTo(ProviderStatus.REGISTERED);
        assertThat(provider(2, ProviderStatus.REGISTERED).accredit(List.of("BJ-AICV"), null, NOW).current())
                .isEqualTo(ProviderStatus.ACTIVE);
    }

    @Test
    void theRegularLifecycleMovesOnlyAlongItsEdges() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        p.moveTo(ProviderStatus.SELF_ASSESSED, null, NOW);
        p.moveTo(ProviderStatus.VERIFYING, null, NOW);
        p.moveTo(ProviderStatus.PUBLIC_NOTICE, null, NOW);
        p.moveTo(ProviderStatus.VERIFYING, "objection upheld", NOW);
        p.moveTo(ProviderStatus.PUBLIC_NOTICE, null, NOW);
        p.moveTo(ProviderStatus.ACTIVE, null, NOW);
        StatusChange suspension = p.moveTo(ProviderStatus.SUSPENDED, "complaint", NOW);
        assertThat(suspension).isEqualTo(new StatusChange(ProviderStatus.ACTIVE, ProviderStatus.SUSPENDED, "complaint"));
        assertThat(p.statusReason()).isEqualTo("complaint");
        p.moveTo(ProviderStatus.ACTIVE, "reinstated", NOW);
        p.moveTo(ProviderStatus.EXITED, null, NOW);

        assertThatThrownBy(() -> p.moveTo(ProviderStatus.ACTIVE, null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(ProblemException.of(e).status()).isEqualTo(409));
        assertThat(p.status()).isEqualTo(ProviderStatus.EXITED);
    }

    @Test
    void aRegisteredProviderCannotSkipToPublicNotice() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> p.moveTo(ProviderStatus.PUBLIC_NOTICE, null, NOW))
                .isInstanceOf(DomainException.class);
        assertThat(p.status()).isEqualTo(ProviderStatus.REGISTERED);
    }

    @Test
    void onlyOnboardingAndActiveProvidersMayOfferCapacity() {
        for (ProviderStatus s : ProviderStatus.values()) {
            Provider p = provider(3, s);
            boolean allowed = s != ProviderStatus.SUSPENDED && s != ProviderStatus.REMOVED && s != ProviderStatus.EXITED;
            if (allowed) {
                p.requireMayOfferCapacity();
            } else {
                assertThatThrownBy(p::requireMayOfferCapacity).isInstanceOf(DomainException.class);
            }
        }
    }

    private static Provider.SelfAssessment assessment() {
        return new Provider.SelfAssessment(true, true, "prices.pdf", null, List.of("SH-ICV", "BJ-AICV"));
    }

    @Test
    void theRegularPathRunsThroughSevenDaysOfPublicNotice() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        assertThat(p.selfAssess(assessment(), NOW).current()).isEqualTo(ProviderStatus.SELF_ASSESSED);
        assertThat(p.requestedProgrammes()).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(p.startVerification(null, NOW).current()).isEqualTo(ProviderStatus.VERIFYING);
        assertThat(p.verified(List.of("BJ-AICV"), 7, "ok", NOW).current()).isEqualTo(ProviderStatus.PUBLIC_NOTICE);
        assertThat(p.noticeEndsAt()).isEqualTo(NOW.plusDays(7));
        assertThat(p.programmeMemberships()).isEmpty();
        assertThat(p.noticeOpen(NOW.plusDays(7).minusNanos(1000))).isTrue();
        assertThatThrownBy(() -> p.concludeNotice(NOW.plusDays(6)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOTICE_PERIOD_NOT_OVER"));
        assertThat(p.status()).isEqualTo(ProviderStatus.PUBLIC_NOTICE);
        assertThat(p.noticeOpen(NOW.plusDays(7))).isFalse();
        StatusChange listed = p.concludeNotice(NOW.plusDays(7));
        assertThat(listed.previous()).isEqualTo(ProviderStatus.PUBLIC_NOTICE);
        assertThat(p.status()).isEqualTo(ProviderStatus.ACTIVE);
        assertThat(p.programmeMemberships()).containsExactly("BJ-AICV");
    }

    @Test
    void anObjectionDuringTheNoticeSendsItBackToVerification() {
        Provider p = provider(3, ProviderStatus.VERIFYING, List.of("SH-ICV"), List.of());
        p.verified(null, 7, null, NOW);
        assertThat(p.approvedProgrammes()).containsExactly("SH-ICV");
        StatusChange c = p.objected("地址不符", NOW.plusDays(1));
        assertThat(c).isEqualTo(new StatusChange(ProviderStatus.PUBLIC_NOTICE, ProviderStatus.VERIFYING, "OBJECTION: 地址不符"));
        assertThat(p.noticeEndsAt()).isNull();
        assertThatThrownBy(() -> p.objected("again", NOW.plusDays(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NOTICE_NOT_OPEN"));
    }

    @Test
    void selfAssessmentChecksTheCriteria() {
        Provider young = provider(1, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> young.selfAssess(assessment(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(ProblemException.of(e).status()).isEqualTo(422));
        Provider noSite = provider(3, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> noSite.selfAssess(new Provider.SelfAssessment(true, false, "p", null,
                List.of("BJ-AICV")), NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("ACCREDITATION_CRITERIA_NOT_MET"));
        assertThat(young.status()).isEqualTo(ProviderStatus.REGISTERED);
        assertThat(noSite.status()).isEqualTo(ProviderStatus.REGISTERED);
    }

    @Test
    void suspensionReinstatementRemovalAndExit() {
        Provider p = provider(3, ProviderStatus.ACTIVE, List.of(), List.of("BJ-AICV"));
        p.suspend("r", NOW);
        assertThatThrownBy(() -> p.suspend("r", NOW)).isInstanceOf(DomainException.class);
        p.reinstate(null, NOW);
        assertThat(p.grantProgramme("SH-ICV", NOW).current()).isEqualTo(ProviderStatus.ACTIVE);
        assertThat(p.grantProgramme("SH-ICV", NOW)).isNull();
        assertThat(p.programmeMemberships()).containsExactly("BJ-AICV", "SH-ICV");
        p.withdrawProgramme("BJ-AICV", null, NOW);
        assertThat(p.programmeMemberships()).containsExactly("SH-ICV");
        p.remove("r", NOW);
        assertThat(p.programmeMemberships()).isEmpty();
        assertThatThrownBy(() -> p.exit(null, NOW)).isInstanceOf(DomainException.class);
        Provider q = provider(3, ProviderStatus.VERIFYING);
        assertThatThrownBy(() -> q.suspend("r", NOW)).isInstanceOf(DomainException.class);
        assertThat(q.exit(null, NOW).current()).isEqualTo(ProviderStatus.EXITED);
    }
}
