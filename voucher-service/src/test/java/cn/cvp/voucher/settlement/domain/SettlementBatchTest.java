package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.ProgrammeRules.RedemptionSubmitter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The redemption batch's lifecycle: OPEN → SUBMITTED → APPROVED → PAID, RETURNED back, CANCELLED while with the submitter. */
class SettlementBatchTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final SettlementPeriod NOVEMBER = new SettlementPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    static final String ENTERPRISE = "91110108MA01ENT1XN";
    static final SettlementBatch.Documents BOTH = new SettlementBatch.Documents(UUID.randomUUID(), UUID.randomUUID());
    static final SettlementBatch.Documents NONE = new SettlementBatch.Documents(null, null);

    static SettlementBatch enterpriseBatch() {
        return SettlementBatch.open(UUID.randomUUID(), UUID.randomUUID(), NOVEMBER, RedemptionSubmitter.ENTERPRISE,
                ENTERPRISE, "enterprise-demo", NOW);
    }

    static SettlementBatch providerBatch() {
        return SettlementBatch.open(UUID.randomUUID(), UUID.randomUUID(),
                new SettlementPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), RedemptionSubmitter.PROVIDER,
                "91310104MA04PRD2XL", "provider-demo", NOW);
    }

    static SettlementBatch submitted() {
        SettlementBatch b = enterpriseBatch();
        b.submit("INV-1", null, LocalDate.of(2026, 12, 1), BOTH, NOW);
        return b;
    }

    static SettlementBatch approved() {
        SettlementBatch b = submitted();
        b.approve("subject-a", "approver-a", "PROGRAMME-OFFICE", NOW);
        return b;
    }

    @Test
    void anEnterpriseSubmitsOnlyWithBothDocumentsUploaded() {
        SettlementBatch b = enterpriseBatch();
        assertThatThrownBy(() -> b.submit("INV-1", null, LocalDate.of(2026, 12, 1), NONE, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("DOCUMENTS_REQUIRED");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE_VIOLATION);
                    assertThat(e.violations()).extracting(DomainException.Violation::code)
                            .containsExactly("INVOICE_DOCUMENT_REQUIRED", "DELIVERY_CERTIFICATE_DOCUMENT_REQUIRED");
                });
        assertThatThrownBy(() -> b.submit("INV-1", null, LocalDate.of(2026, 12, 1),
                new SettlementBatch.Documents(UUID.randomUUID(), null), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.violations())
                        .extracting(DomainException.Violation::code).containsExactly("DELIVERY_CERTIFICATE_DOCUMENT_REQUIRED"));
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.OPEN);

        b.submit("INV-1", null, LocalDate.of(2026, 12, 1), BOTH, NOW);
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.SUBMITTED);
        assertThat(b.invoiceDocumentId()).isEqualTo(BOTH.invoiceId());
        assertThat(b.deliveryCertificateDocumentId()).isEqualTo(BOTH.deliveryCertificateId());
    }

    @Test
    void anEnterpriseSubmitsOnlyAfterPayingItsCoPayment() {
        SettlementBatch b = enterpriseBatch();
        assertThatThrownBy(() -> b.submit("INV-1", null, null, BOTH, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CO_PAYMENT_NOT_DECLARED"));
        assertThatThrownBy(() -> b.submit("INV-1", null, NOW.toLocalDate().plusDays(1), BOTH, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("CO_PAYMENT_DATE_IN_FUTURE"));
        b.submit("INV-1", null, NOW.toLocalDate(), BOTH, NOW);
        assertThat(b.coPaymentPaidOn()).isEqualTo(NOW.toLocalDate());
    }

    @Test
    void aProviderSubmitsWithItsInvoiceNumber() {
        SettlementBatch b = providerBatch();
        assertThatThrownBy(() -> b.submit(" ", null, null, NONE, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("INVOICE_REQUIRED"));
        b.submit("INV-SH-1", null, null, NONE, NOW);
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.SUBMITTED);
    }

    @Test
    void approvalAndPaymentAreByTwoDifferentStaffMembers() {
        SettlementBatch b = approved();
        assertThatThrownBy(() -> b.markPaid("PAY-1", "subject-a", "approver-a", "PROGRAMME-OFFICE", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("TWO_PERSON_RULE");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                });
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.APPROVED);
        b.markPaid("PAY-1", "subject-b", "payer-b", "PROGRAMME-OFFICE", NOW);
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.PAID);
        assertThat(b.paidBy()).isEqualTo("payer-b");
        assertThat(b.approvedBy()).isEqualTo("approver-a");
    }

    @Test
    void theSubmittersOwnOrganisationNeverApprovesNorPays() {
        SettlementBatch b = submitted();
        assertThatThrownBy(() -> b.approve("subject-x", "insider", ENTERPRISE, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("OWN_ORGANISATION"));
        b.approve("subject-a", "approver-a", "PROGRAMME-OFFICE", NOW);
        assertThatThrownBy(() -> b.markPaid("PAY-1", "subject-x", "insider", ENTERPRISE, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("OWN_ORGANISATION"));
    }

    @Test
    void onlyAnApprovedBatchIsPaidAndOnlyWithAReference() {
        SettlementBatch b = submitted();
        assertThatThrownBy(() -> b.markPaid("PAY-1", "subject-b", "payer-b", null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.ILLEGAL_STATE);
                    assertThat(e.details()).containsEntry("currentState", "SUBMITTED");
                });
        SettlementBatch a = approved();
        assertThatThrownBy(() -> a.markPaid(" ", "subject-b", "payer-b", null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_REFERENCE_REQUIRED"));
    }

    @Test
    void aReturnedBatchGoesBackToItsSubmitterWhoResubmits() {
        SettlementBatch b = submitted();
        assertThatThrownBy(() -> b.returnToSubmitter(""))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("REASON_REQUIRED"));
        b.returnToSubmitter("发票抬头有误");
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.RETURNED);
        assertThat(b.withSubmitter()).isTrue();
        b.requireDocumentsChangeable();
        b.submit("INV-2", null, LocalDate.of(2026, 12, 1), BOTH, NOW);
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.SUBMITTED);
        assertThat(b.returnReason()).isNull();
        assertThat(b.invoiceNumber()).isEqualTo("INV-2");
    }

    @Test
    void onlyABatchStillWithItsSubmitterCanBeCancelled() {
        SettlementBatch open = enterpriseBatch();
        open.cancel("wrong period", "admin-demo", NOW);
        assertThat(open.status()).isEqualTo(SettlementBatch.Status.CANCELLED);
        assertThat(open.cancelReason()).isEqualTo("wrong period");

        SettlementBatch returned = submitted();
        returned.returnToSubmitter("incomplete");
        returned.cancel("withdrawn by the enterprise", "enterprise-demo", NOW);
        assertThat(returned.status()).isEqualTo(SettlementBatch.Status.CANCELLED);

        for (SettlementBatch b : new SettlementBatch[]{submitted(), approved()}) {
            SettlementBatch.Status before = b.status();
            assertThatThrownBy(() -> b.cancel("too late", "admin-demo", NOW))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.ILLEGAL_STATE));
            assertThat(b.status()).isEqualTo(before);
        }
        assertThatThrownBy(() -> enterpriseBatch().cancel(" ", "admin-demo", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("REASON_REQUIRED"));
    }

    @Test
    void aCancelledOrPaidBatchTakesNoFurtherStep() {
        SettlementBatch cancelled = enterpriseBatch();
        cancelled.cancel("duplicate", "admin-demo", NOW);
        assertThatThrownBy(() -> cancelled.submit("INV-1", null, LocalDate.of(2026, 12, 1), BOTH, NOW))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(cancelled::requireDocumentsChangeable).isInstanceOf(DomainException.class);

        SettlementBatch paid = approved();
        paid.markPaid("PAY-1", "subject-b", "payer-b", null, NOW);
        assertThatThrownBy(() -> paid.approve("subject-c", "approver-c", null, NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> paid.returnToSubmitter("late")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> paid.markPaid("PAY-2", "subject-c", "payer-c", null, NOW)).isInstanceOf(DomainException.class);
        assertThat(paid.paymentReference()).isEqualTo("PAY-1");
    }

    @Test
    void theSettlementJobsBatchIsMarkedAsSuch() {
        SettlementBatch b = SettlementBatch.openBySchedule(UUID.randomUUID(), UUID.randomUUID(), NOVEMBER,
                RedemptionSubmitter.ENTERPRISE, ENTERPRISE, "voucher-service:settlement", NOW);
        assertThat(b.openedBySchedule()).isTrue();
        assertThat(b.status()).isEqualTo(SettlementBatch.Status.OPEN);
        assertThat(enterpriseBatch().openedBySchedule()).isFalse();
    }
}
