package cn.cvp.provider.offering.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.provider.offering.events.OfferingEvents;
import cn.cvp.provider.provider.domain.Provider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Capacity a provider offers to the programme: DRAFT → PUBLISHED → WITHDRAWN ({@link OfferingStatus}). Allocations
 * refer to the offering's published {@link #version()}. Each change checks the status first and returns the event it
 * causes.
 */
@Entity
@Table(name = "offering")
public class Offering {
    @Id
    private UUID id;
    @Column(name = "provider_id")
    private UUID providerId;
    /** The published version allocations refer to; starts at 1. */
    private int version;
    @Enumerated(EnumType.STRING)
    @Column(name = "resource_class")
    private ResourceClass resourceClass;
    private String region;
    /** Cards, cores or TB on offer (by the resource class's unit). */
    private int units;
    /** Price per card-hour, core-hour or TB-month (the resource class's unit), in fen. */
    @Column(name = "unit_price_fen")
    private long unitPriceFen;
    @Column(name = "available_from")
    private OffsetDateTime availableFrom;
    @Column(name = "available_to")
    private OffsetDateTime availableTo;
    @Enumerated(EnumType.STRING)
    private OfferingStatus status;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected Offering() {
    }

    /** A new draft of a provider that may offer capacity; its window must not already have ended. */
    public static Offering draft(Provider provider, OfferingTerms terms, OffsetDateTime now) {
        provider.requireMayOfferCapacity();
        terms.requireNotEnded(now);
        Offering o = new Offering();
        o.id = UUID.randomUUID();
        o.providerId = provider.id();
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
    public OfferingEvents.OfferingPublishedV1 publish(Provider provider, OffsetDateTime now) {
        if (!status.canMoveTo(OfferingStatus.PUBLISHED)) {
            throw DomainException.illegalState("Offering", status, "published");
        }
        provider.requireMayOfferCapacity();
        AvailabilityWindow.requireOpenForPublishing(availableTo, now);
        status = OfferingStatus.PUBLISHED;
        publishedAt = now;
        return published();
    }

    /**
     * A price, capacity or window change of a published offering: a new version (version + 1) under the
     * same offering id. Allocations already made keep the version and price they were made on.
     *
     * @return the new version's offering.published.v1; empty if the revision changes nothing (no new version)
     */
    public Optional<OfferingEvents.OfferingPublishedV1> revise(Provider provider, Integer newUnits,
                                                               Long newUnitPriceFen, OffsetDateTime newFrom,
                                                               OffsetDateTime newTo, OffsetDateTime now) {
        if (!status.isRevisable()) {
            throw DomainException.illegalState("Offering", status, "revised");
        }
        provider.requireMayOfferCapacity();
        OfferingTerms next = new OfferingTerms(resourceClass, region, newUnits == null ? units : newUnits,
                newUnitPriceFen == null ? unitPriceFen : newUnitPriceFen, newFrom == null ? availableFrom : newFrom,
                newTo == null ? availableTo : newTo);
        next.requireNotEnded(now);
        if (next.units() == units && next.unitPriceFen() == unitPriceFen
                && next.availableFrom().isEqual(availableFrom) && next.availableTo().isEqual(availableTo)) {
            return Optional.empty();
        }
        units = next.units();
        unitPriceFen = next.unitPriceFen();
        availableFrom = next.availableFrom();
        availableTo = next.availableTo();
        version++;
        publishedAt = now;
        return Optional.of(published());
    }

    /** Takes a published offering off the market; existing allocations are not affected. */
    public OfferingEvents.OfferingWithdrawnV1 withdraw(OffsetDateTime now) {
        if (!status.canMoveTo(OfferingStatus.WITHDRAWN)) {
            throw DomainException.illegalState("Offering", status, "withdrawn");
        }
        status = OfferingStatus.WITHDRAWN;
        withdrawnAt = now;
        return new OfferingEvents.OfferingWithdrawnV1(id, version, providerId);
    }

    /** offering.published.v1 for the current version. */
    private OfferingEvents.OfferingPublishedV1 published() {
        return new OfferingEvents.OfferingPublishedV1(id, version, providerId, resourceClass.name(),
                resourceClass.category().name(), resourceClass.domesticChip(), region, units,
                resourceClass.unit().name(), unitPriceFen, availableFrom, availableTo);
    }

    /** The state recorded in the audit log. */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("providerId", providerId);
        m.put("version", version);
        m.put("resourceClass", resourceClass);
        m.put("region", region);
        m.put("units", units);
        m.put("unitPriceFen", unitPriceFen);
        m.put("availableFrom", String.valueOf(availableFrom));
        m.put("availableTo", String.valueOf(availableTo));
        m.put("status", status);
        return m;
    }

    public UUID id() { return id; }
    public UUID providerId() { return providerId; }
    public int version() { return version; }
    public ResourceClass resourceClass() { return resourceClass; }
    public String region() { return region; }
    public int units() { return units; }
    public long unitPriceFen() { return unitPriceFen; }
    public OffsetDateTime availableFrom() { return availableFrom; }
    public OffsetDateTime availableTo() { return availableTo; }
    public OfferingStatus status() { return status; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public OffsetDateTime withdrawnAt() { return withdrawnAt; }
}
