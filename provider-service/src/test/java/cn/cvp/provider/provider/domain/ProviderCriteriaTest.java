package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** SH onboarding criteria: a legal entity operating for at least two years, with a fixed site. */
class ProviderCriteriaTest {

    @Test
    void twoYearsOfOperationAndAFixedSiteMeetTheCriteria() {
        assertThat(ProviderCriteria.unmet(2, "上海市徐汇区 1 号")).isEmpty();
        assertThat(ProviderCriteria.unmet(30, "上海市徐汇区 1 号")).isEmpty();
        assertThatNoException().isThrownBy(() -> ProviderCriteria.require(2, "上海市徐汇区 1 号"));
    }

    @Test
    void lessThanTwoYearsIsNotEnough() {
        assertThat(ProviderCriteria.unmet(1, "上海市徐汇区 1 号"))
                .containsExactly("operating for at least 2 years (declared 1)");
        assertThat(ProviderCriteria.unmetZh(1, "上海市徐汇区 1 号")).containsExactly("成立满 2 年（申报 1 年）");
    }

    @Test
    void aSiteMustBeNamed() {
        assertThat(ProviderCriteria.unmet(5, null)).containsExactly("a fixed site");
        assertThat(ProviderCriteria.unmet(5, "  ")).containsExactly("a fixed site");
        assertThat(ProviderCriteria.unmetZh(5, "")).containsExactly("有固定场所");
    }

    @Test
    void unmetCriteriaAreRefusedWithEveryOneListed() {
        assertThatThrownBy(() -> ProviderCriteria.require(0, ""))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_VIOLATION);
                    assertThat(ProblemException.of(e).status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("ACCREDITATION_CRITERIA_NOT_MET");
                    assertThat(e.details()).containsEntry("unmet",
                            List.of("operating for at least 2 years (declared 0)", "a fixed site"));
                    assertThat(e.messageZh()).isEqualTo("服务机构不符合认定条件：成立满 2 年（申报 0 年）；有固定场所");
                });
    }

    @Test
    void theSelfAssessmentMustConfirmALegalEntityAndAFixedSite() {
        assertThatNoException().isThrownBy(() -> ProviderCriteria.requireConfirmed(true, true));
        for (boolean[] confirmed : new boolean[][]{{false, true}, {true, false}, {false, false}}) {
            assertThatThrownBy(() -> ProviderCriteria.requireConfirmed(confirmed[0], confirmed[1]))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("ACCREDITATION_CRITERIA_NOT_MET");
                        assertThat(e.details()).containsEntry("unmet", List.of("legal entity and fixed site confirmed"));
                    });
        }
    }
}
