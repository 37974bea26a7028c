package cn.cvp.voucher.programme.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A programme's states: DRAFT → OPEN ↔ CLOSED → ARCHIVED; only an open one takes applications. */
class ProgrammeTest {

    private static ProblemException answer(Runnable change) {
        try {
            change.run();
        } catch (DomainException e) {
            return ProblemException.of(e);
        }
        throw new AssertionError("not refused");
    }

    @Test
    void onlyAnOpenProgrammeTakesApplications() {
        Programme p = Programme.draft(UUID.randomUUID(), "SZ-AICV", "深圳算力券", 1_000);
        assertThat(answer(p::requireOpen).status()).isEqualTo(422);
        assertThat(answer(p::requireOpen).code()).isEqualTo("PROGRAMME_NOT_OPEN");
        p.open();
        p.requireOpen();
        p.close();
        assertThat(answer(p::requireOpen).code()).isEqualTo("PROGRAMME_NOT_OPEN");
        p.open();
        assertThat(p.status()).isEqualTo(Programme.Status.OPEN);
    }

    @Test
    void illegalTransitionsAnswer409WithTheCurrentState() {
        Programme p = Programme.draft(UUID.randomUUID(), "SZ-AICV", "深圳算力券", 1_000);
        ProblemException archiveDraft = answer(p::archive);
        assertThat(archiveDraft.status()).isEqualTo(409);
        assertThat(archiveDraft.extensions()).containsEntry("currentState", "DRAFT");
        assertThat(answer(p::close).code()).isEqualTo("ILLEGAL_STATE");
        p.open();
        p.close();
        p.archive();
        assertThat(answer(p::open).extensions()).containsEntry("currentState", "ARCHIVED");
        assertThat(answer(p::newRulesVersion).status()).isEqualTo(409);
        assertThatThrownBy(() -> p.changeBudget(2_000)).isInstanceOf(DomainException.class);
    }

    @Test
    void eachRulesChangeIsANewVersion() {
        Programme p = Programme.draft(UUID.randomUUID(), "SZ-AICV", "深圳算力券", 1_000);
        assertThat(p.currentRulesVersion()).isEqualTo(1);
        assertThat(p.newRulesVersion()).isEqualTo(2);
        assertThat(p.currentRulesVersion()).isEqualTo(2);
    }

    @Test
    void contradictoryRulesAreRefused() {
        ProgrammeRules backwards = RuleExamples.beijingWith("applicationWindowStart", java.time.LocalDate.parse("2027-01-01"),
                "applicationWindowEnd", java.time.LocalDate.parse("2026-01-01"));
        assertThat(answer(backwards::requireConsistent).code()).isEqualTo("INVALID_WINDOW");
        assertThat(answer(backwards::requireConsistent).status()).isEqualTo(400);
        ProgrammeRules teamAboveEnterprises = RuleExamples.beijingWith("teamAnnualCapFen", 300_000_000L);
        assertThat(answer(teamAboveEnterprises::requireConsistent).code()).isEqualTo("INVALID_RULES");
        RuleExamples.beijing().requireConsistent();
    }
}
