package cn.cvp.provider.domain;

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
        Provider p = Provider.register(new Provider.Registration("91110105MA03PRD108", "京算", "110105",
                yearsOperating, "北京市朝阳区 1 号", true, List.of()), NOW.minusDays(30));
        p.status = status;
        return p;
    }

    @Test
    void registrationStartsTheLifecycle() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        assertThat(p.status).isEqualTo(ProviderStatus.REGISTERED);
        assertThat(p.programmeMemberships).isEmpty();
        assertThat(p.id).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderStatus.class, names = {"REGISTERED", "SELF_ASSESSED", "VERIFYING", "PUBLIC_NOTICE"})
    void theFastTrackListsAnOnboardingProvider(ProviderStatus onboarding) {
        Provider p = provider(3, onboarding);
        StatusChange change = p.accredit(List.of("SH-ICV", "BJ-AICV", "SH-ICV"), "fast track", NOW);
        assertThat(change).isEqualTo(new StatusChange(onboarding, ProviderStatus.ACTIVE, "fast track"));
        assertThat(p.status).isEqualTo(ProviderStatus.ACTIVE);
        assertThat(p.programmeMemberships).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(p.statusChangedAt).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderStatus.class, names = {"ACTIVE", "SUSPENDED", "REMOVED", "EXITED"})
    void theFastTrackRefusesAProviderPastOnboardingAndChangesNothing(ProviderStatus past) {
        Provider p = provider(3, past);
        assertThatThrownBy(() -> p.accredit(List.of("BJ-AICV"), null, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("ILLEGAL_STATE");
                    assertThat(e.extensions()).containsEntry("currentState", past.name());
                });
        assertThat(p.status).isEqualTo(past);
        assertThat(p.programmeMemberships).isEmpty();
    }

    @Test
    void accreditationNeedsTwoYearsOfOperation() {
        Provider p = provider(1, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> p.accredit(List.of("BJ-AICV"), null, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("ACCREDITATION_CRITERIA_NOT_MET");
                });
        assertThat(p.status).isEqualTo(ProviderStatus.REGISTERED);
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
        assertThat(p.statusReason).isEqualTo("complaint");
        p.moveTo(ProviderStatus.ACTIVE, "reinstated", NOW);
        p.moveTo(ProviderStatus.EXITED, null, NOW);

        assertThatThrownBy(() -> p.moveTo(ProviderStatus.ACTIVE, null, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(p.status).isEqualTo(ProviderStatus.EXITED);
    }

    @Test
    void aRegisteredProviderCannotSkipToPublicNotice() {
        Provider p = provider(3, ProviderStatus.REGISTERED);
        assertThatThrownBy(() -> p.moveTo(ProviderStatus.PUBLIC_NOTICE, null, NOW))
                .isInstanceOf(ProblemException.class);
        assertThat(p.status).isEqualTo(ProviderStatus.REGISTERED);
    }

    @Test
    void onlyOnboardingAndActiveProvidersMayOfferCapacity() {
        for (ProviderStatus s : ProviderStatus.values()) {
            Provider p = provider(3, s);
            boolean allowed = s != ProviderStatus.SUSPENDED && s != ProviderStatus.REMOVED && s != ProviderStatus.EXITED;
            if (allowed) {
                p.requireMayOfferCapacity();
            } else {
                assertThatThrownBy(p::requireMayOfferCapacity).isInstanceOf(ProblemException.class);
            }
        }
    }
}
