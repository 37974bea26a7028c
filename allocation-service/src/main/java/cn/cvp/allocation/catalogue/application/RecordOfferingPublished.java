package cn.cvp.allocation.catalogue.application;

import cn.cvp.allocation.catalogue.domain.OfferingTerms;

/** offering.published.v1 to record: the terms of the version published. */
public record RecordOfferingPublished(String eventId, OfferingTerms terms) {
}
