package cn.cvp.kit.problem;

import cn.cvp.kit.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A domain refusal's kind decides its HTTP status here, and its code, messages and details survive the mapping. */
class DomainProblemTest {

    @Test
    void eachKindHasOneStatus() {
        assertThat(ProblemException.of(DomainException.invalid("X", "x", "x")).status()).isEqualTo(400);
        assertThat(ProblemException.of(DomainException.forbidden("X", "x", "x")).status()).isEqualTo(403);
        assertThat(ProblemException.of(DomainException.notFound("Voucher", 1)).status()).isEqualTo(404);
        assertThat(ProblemException.of(DomainException.illegalState("Voucher", "FROZEN", "debited")).status()).isEqualTo(409);
        assertThat(ProblemException.of(DomainException.conflict("X", "x", "x")).status()).isEqualTo(409);
        assertThat(ProblemException.of(DomainException.refused("BUDGET_EXHAUSTED", "x", "x")).status()).isEqualTo(422);
    }

    @Test
    void codeMessagesDetailsAndViolationsAreKept() {
        DomainException e = new DomainException(DomainException.Kind.RULE_VIOLATION, "ANNUAL_CAP_EXCEEDED",
                "The annual cap is used up", "年度上限已用完", Map.of("capLeftFen", 0L),
                List.of(new DomainException.Violation("application", "ANNUAL_CAP_EXCEEDED", "The annual cap is used up")));
        ProblemException p = ProblemException.of(e);
        assertThat(p.code()).isEqualTo("ANNUAL_CAP_EXCEEDED");
        assertThat(p.messageEn()).isEqualTo("The annual cap is used up");
        assertThat(p.messageZh()).isEqualTo("年度上限已用完");
        assertThat(p.extensions()).containsEntry("capLeftFen", 0L);
        assertThat(p.errors()).extracting(ProblemException.FieldError::code).containsExactly("ANNUAL_CAP_EXCEEDED");
        assertThat(ProblemException.of(DomainException.illegalState("Voucher", "FROZEN", "debited")).extensions())
                .containsEntry("currentState", "FROZEN");
    }
}
