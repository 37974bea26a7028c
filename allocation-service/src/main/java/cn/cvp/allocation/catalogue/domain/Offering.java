package cn.cvp.allocation.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The latest version of a provider's capacity offering, with what allocation-service has reserved of it.
 * Capacity is counted in the offering's {@link BillingUnit}: units × the whole unit-periods of the availability
 * window — card-hours or core-hours (cards / cores × whole hours), or TB-months (TB × whole 30-day months). The
 * columns keep their first names ({@code capacity_unit_hours}, {@code reserved_unit_hours}) but hold that quantity.
 * An offering in a unit this service does not know has no capacity (it is kept, and never matched).
 */
@Entity
@Table(name = "offering")
public class Offering {
    public static final String PUBLISHED = "PUBLISHED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    @Column(name = "offering_id")
    private UUID offeringId;
    @Column(nullable = false)
    private int version;
    @Column(name = "provider_id", nullable = false)
    private UUID providerId;
    @Column(name = "resource_class", nullable = false)
    private String resourceClass;
    @Column(nullable = false)
    private String category;
    @Column(name = "domestic_chip", nullable = false)
    private boolean domesticChip;
    @Column(nullable = false)
    private String region;
    @Column(nullable = false)
    private int units;
    @Column(nullable = false)
    private String unit;
    @Column(name = "unit_price_fen", nullable = false)
    private long unitPriceFen;
    @Column(name = "available_from", nullable = false)
    private OffsetDateTime availableFrom;
    @Column(name = "available_to", nullable = false)
    private OffsetDateTime availableTo;
    @Column(nullable = false)
    private String status;
    @Column(name = "capacity_unit_hours", nullable = false)
    private long capacityUnitHours;
    @Column(name = "reserved_unit_hours", nullable = false)
    private long reservedUnitHours;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Offering() {
    }

    public static Offering published(OfferingTerms terms, OffsetDateTime now) {
        Offering o = new Offering();
        o.offeringId = terms.offeringId();
        o.reservedUnitHours = 0;
        o.apply(terms, now);
        return o;
    }

    /**
     * A newer version replaces the terms; an older or repeated version changes nothing.
     * Reservations already made stay honoured, even if the new version offers less than they hold.
     *
     * @return whether the terms changed
     */
    public boolean republish(OfferingTerms terms, OffsetDateTime now) {
        if (terms.version() <= version) {
            return false;
        }
        apply(terms, now);
        return true;
    }

    /** @return whether the offering was withdrawn by this call (a stale version changes nothing) */
    public boolean withdraw(int withdrawnVersion, OffsetDateTime now) {
        if (withdrawnVersion < version || WITHDRAWN.equals(status)) {
            return false;
        }
        status = WITHDRAWN;
        version = withdrawnVersion;
        updatedAt = now;
        return true;
    }

    private void apply(OfferingTerms terms, OffsetDateTime now) {
        if (!terms.availableTo().isAfter(terms.availableFrom())) {
            throw new IllegalArgumentException("offering " + terms.offeringId() + " is available for no time");
        }
        version = terms.version();
        providerId = terms.providerId();
        resourceClass = terms.resourceClass();
        category = terms.category();
        domesticChip = terms.domesticChip();
        region = terms.region();
        units = terms.units();
        unit = terms.unit();
        unitPriceFen = terms.unitPriceFen();
        availableFrom = terms.availableFrom();
        availableTo = terms.availableTo();
        status = PUBLISHED;
        capacityUnitHours = Math.max(capacityOf(unit, units, availableFrom, availableTo), reservedUnitHours);
        updatedAt = now;
    }

    /** units × whole unit-periods of the window in the unit; 0 for a unit this service does not know. */
    static long capacityOf(String unit, int units, OffsetDateTime from, OffsetDateTime to) {
        return BillingUnit.of(unit).map(u -> u.capacity(units, from.toInstant(), to.toInstant())).orElse(0L);
    }

    /** The offering's unit; empty if this service does not know it. */
    public java.util.Optional<BillingUnit> billingUnit() {
        return BillingUnit.of(unit);
    }

    /**
     * Reserves capacity (in the offering's unit: card-hours, core-hours or TB-months) for an allocation; refuses
     * to reserve beyond capacity, so two allocations never take the same TB-months or card-hours.
     */
    public void reserve(long unitHours, OffsetDateTime now) {
        if (unitHours <= 0 || reservedUnitHours + unitHours > capacityUnitHours) {
            throw new IllegalStateException("offering " + offeringId + " cannot reserve " + unitHours
                    + " " + unit + ": " + remainingUnitHours() + " left");
        }
        reservedUnitHours += unitHours;
        updatedAt = now;
    }

    /** Gives back what a cancelled allocation had reserved. */
    public void release(long unitHours, OffsetDateTime now) {
        reservedUnitHours = Math.max(0, reservedUnitHours - unitHours);
        updatedAt = now;
    }

    /** Capacity not yet reserved, in the offering's unit. */
    public long remainingUnitHours() {
        return capacityUnitHours - reservedUnitHours;
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    public Snapshot snapshot() {
        return new Snapshot(offeringId, version, status, resourceClass, region, units, unit, unitPriceFen,
                capacityUnitHours, reservedUnitHours);
    }

    public record Snapshot(UUID offeringId, int version, String status, String resourceClass, String region, int units,
                           String unit,
                           long unitPriceFen, long capacityUnitHours, long reservedUnitHours) {
    }

    public UUID offeringId() { return offeringId; }
    public int version() { return version; }
    public UUID providerId() { return providerId; }
    public String resourceClass() { return resourceClass; }
    public String category() { return category; }
    public boolean domesticChip() { return domesticChip; }
    public String region() { return region; }
    public int units() { return units; }
    public String unit() { return unit; }
    public long unitPriceFen() { return unitPriceFen; }
    public OffsetDateTime availableFrom() { return availableFrom; }
    public OffsetDateTime availableTo() { return availableTo; }
    public String status() { return status; }
    public long capacityUnitHours() { return capacityUnitHours; }
    public long reservedUnitHours() { return reservedUnitHours; }
}
