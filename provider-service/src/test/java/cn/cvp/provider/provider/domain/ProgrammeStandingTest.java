package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Programme standing: BJ-AICV (算力伙伴), SH-ICV (服务机构) or any programme code, sorted and distinct. */
class ProgrammeStandingTest {

    @Test
    void codesAreKeptSortedAndDistinct() {
        assertThat(ProgrammeStanding.normalised(List.of("SH-ICV", "BJ-AICV", "SH-ICV"))).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(ProgrammeStanding.normalised(null)).isEmpty();
    }

    @Test
    void verificationApprovesWhatIsNamedOrElseWhatWasRequested() {
        assertThat(ProgrammeStanding.approved(List.of("SZ-CV"), List.of("BJ-AICV"))).containsExactly("SZ-CV");
        assertThat(ProgrammeStanding.approved(List.of(), List.of("SH-ICV", "BJ-AICV"))).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(ProgrammeStanding.approved(null, List.of("SH-ICV"))).containsExactly("SH-ICV");
    }

    @Test
    void atLeastOneProgrammeMustBeApproved() {
        assertThatThrownBy(() -> ProgrammeStanding.approved(null, List.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_PROGRAMME_STANDING");
                    assertThat(ProblemException.of(e).status()).isEqualTo(422);
                });
    }

    @Test
    void standingChangesOnlyWhileListed() {
        for (ProviderStatus s : ProviderStatus.values()) {
            if (s == ProviderStatus.ACTIVE || s == ProviderStatus.SUSPENDED) {
                assertThatNoException().isThrownBy(() -> ProgrammeStanding.requireListed(s, "granted a programme"));
            } else {
                assertThatThrownBy(() -> ProgrammeStanding.requireListed(s, "granted a programme"))
                        .isInstanceOfSatisfying(DomainException.class,
                                e -> assertThat(e.details()).containsEntry("currentState", s.name()));
            }
        }
    }

    @Test
    void grantingAndWithdrawingAreIdempotent() {
        assertThat(ProgrammeStanding.granting(List.of("SH-ICV"), "BJ-AICV")).containsExactly("BJ-AICV", "SH-ICV");
        assertThat(ProgrammeStanding.granting(List.of("SH-ICV"), "SH-ICV")).isNull();
        assertThat(ProgrammeStanding.withdrawing(List.of("BJ-AICV", "SH-ICV"), "BJ-AICV")).containsExactly("SH-ICV");
        assertThat(ProgrammeStanding.withdrawing(List.of("SH-ICV"), "BJ-AICV")).isNull();
    }
}
