package cn.cvp.provider.offering.application;

import cn.cvp.provider.offering.domain.OfferingTerms;

/** Draft an offering of the caller's provider. */
public record DraftOffering(OfferingTerms terms) {
}
