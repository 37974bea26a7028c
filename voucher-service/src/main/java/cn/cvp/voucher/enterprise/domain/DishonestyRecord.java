package cn.cvp.voucher.enterprise.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A dishonesty record (失信记录) of an enterprise as the credit registry (信用中国) lists it: the date the authority
 * recorded it, the authority and its reference. It bars applications while it lies within a programme's look-back.
 */
@Embeddable
public record DishonestyRecord(
        @Column(name = "reference") String reference,
        @Column(name = "recorded_on") LocalDate recordedOn,
        @Column(name = "authority") String authority,
        @Column(name = "entered_by") String enteredBy,
        @Column(name = "entered_at") OffsetDateTime enteredAt) {

    /** Whether it was recorded within the last {@code years} years before {@code today} (that day included). */
    public boolean within(LocalDate today, int years) {
        return !recordedOn.isBefore(today.minusYears(years)) && !recordedOn.isAfter(today);
    }
}
