package cn.cvp.provider.domain;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Capacity a provider offers to the programme: DRAFT → PUBLISHED → WITHDRAWN. Allocations refer to
 * the offering's published {@link #version}.
 */
@Entity
@Table(name = "offering")
public class Offering extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "provider_id")
    public UUID providerId;
    /** The published version allocations refer to; starts at 1. */
    public int version;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_class")
    public ResourceClass resourceClass;
    public String region;
    /** Cards (or TB for storage) on offer. */
    public int units;
    /** Price per unit-hour (or unit-month for storage), in fen. */
    @Column(name = "unit_price_fen")
    public long unitPriceFen;
    @Column(name = "available_from")
    public OffsetDateTime availableFrom;
    @Column(name = "available_to")
    public OffsetDateTime availableTo;
    @Enumerated(EnumType.STRING)
    public OfferingStatus status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** A new draft of a provider that may offer capacity; its window must not already have ended. */
    public static Offering draft(Provider provider, OfferingTerms terms, OffsetDateTime now) {
        provider.requireMayOfferCapacity();
        terms.requireNotEnded(now);
        Offering o = new Offering();
        o.id = UUID.randomUUID();
        o.providerId = provider.id;
        o.version = 1;
        o.resourceClass = terms.resourceClass();
        o.region = terms.region();
        o.units = terms.units();
        o.unitPriceFen = terms.unitPriceFen();
        o.availableFrom = terms.availableFrom();
        o.availableTo = terms.availableTo();
        o.status = OfferingStatus.DRAFT;
        o.createdAt = now;
        return o;
    }

    /** Puts a draft on the market for matching. */
    public void publish(Provider provider, OffsetDateTime now) {
        if (status != OfferingStatus.DRAFT) {
            throw ProblemException.illegalState("Offering", status, "published");
        }
        provider.requireMayOfferCapacity();
        if (!availableTo.isAfter(now)) {
            throw new ProblemException(409, "OFFERING_WINDOW_ENDED",
                    "The offering's availability window ended at " + availableTo,
                    "该供给的可用时段已于 " + availableTo + " 结束");
        }
        status = OfferingStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * A price, capacity or window change of a published offering: a new version (version + 1) under the
     * same offering id. Allocations already made keep the version and price they were made on.
     *
     * @return false if the revision changes nothing (no new version)
     */
    public boolean revise(Provider provider, Integer newUnits, Long newUnitPriceFen, OffsetDateTime newFrom,
                          OffsetDateTime newTo, OffsetDateTime now) {
        if (status != OfferingStatus.PUBLISHED) {
            throw ProblemException.illegalState("Offering", status, "revised");
        }
        provider.requireMayOfferCapacity();
        OfferingTerms next = new OfferingTerms(resourceClass, region, newUnits == null ? units : newUnits,
                newUnitPriceFen == null ? unitPriceFen : newUnitPriceFen, newFrom == null ? availableFrom : newFrom,
                newTo == null ? availableTo : newTo);
        next.requireNotEnded(now);
        if (next.units() == units && next.unitPriceFen() == unitPriceFen
                && next.availableFrom().isEqual(availableFrom) && next.availableTo().isEqual(availableTo)) {
            return false;
        }
        units = next.units();
        unitPriceFen = next.unitPriceFen();
        availableFrom = next.availableFrom();
        availableTo = next.availableTo();
        version++;
        publishedAt = now;
        return true;
    }

    /** Takes a published offering off the market; existing allocations are not affected. */
    public void withdraw(OffsetDateTime now) {
        if (status != OfferingStatus.PUBLISHED) {
            throw ProblemException.illegalState("Offering", status, "withdrawn");
        }
        status = OfferingStatus.WITHDRAWN;
        withdrawnAt = now;
    }
}
