package cn.cvp.allocation.matching.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.cvp.allocation.matching.domain.Fixtures.JAN_1;
import static cn.cvp.allocation.matching.domain.Fixtures.JAN_11;
import static cn.cvp.allocation.matching.domain.Fixtures.demand;
import static cn.cvp.allocation.matching.domain.Fixtures.supply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MatcherTest {

    private final Matcher matcher = new Matcher(50);

    @Test
    void theCheapestEligibleOfferingServesTheDemand() {
        Supply dear = supply().price(2000).build();
        Supply cheap = supply().price(1200).build();
        Supply cheapestButOtherRegion = supply().price(900).region("310115").build();

        MatchResult result = matcher.match(demand().cardHours(100).build(), List.of(dear, cheap, cheapestButOtherRegion));

        assertThat(result.fullyServed()).isTrue();
        assertThat(result.fills()).singleElement().satisfies(f -> {
            assertThat(f.offeringId()).isEqualTo(cheap.offeringId());
            assertThat(f.cardHours()).isEqualTo(100);
            assertThat(f.amountFen()).isEqualTo(100 * 1200);
            assertThat(f.unitPriceFen()).isEqualTo(1200);
        });
    }

    @Test
    void unitsAreTheCardsNeededToDeliverTheCardHoursInTheOverlap() {
        // overlap 240 h: 1000 card-hours need ceil(1000 / 240) = 5 of the 8 cards
        MatchResult result = matcher.match(demand().cardHours(1000).build(), List.of(supply().units(8).build()));
        assertThat(result.fills()).singleElement().satisfies(f -> {
            assertThat(f.units()).isEqualTo(5);
            assertThat(f.windowStart()).isEqualTo(JAN_1);
            assertThat(f.windowEnd()).isEqualTo(JAN_11);
        });
    }

    @Test
    void theReservationWindowIsTheOverlapAndCapacityCountsOnlyThere() {
        // the offering is available only for the last 24 h of the demand window: 2 cards × 24 h = 48 card-hours
        Supply lateStarter = supply().units(2).window(JAN_11.minus(Duration.ofHours(24)), JAN_11.plus(Duration.ofDays(30))).build();

        MatchResult result = matcher.match(demand().cardHours(100).build(), List.of(lateStarter));

        assertThat(result.fills()).singleElement().satisfies(f -> {
            assertThat(f.cardHours()).isEqualTo(48);
            assertThat(f.units()).isEqualTo(2);
            assertThat(f.windowStart()).isEqualTo(JAN_11.minus(Duration.ofHours(24)));
            assertThat(f.windowEnd()).isEqualTo(JAN_11);
        });
        assertThat(result.unservedCardHours()).isEqualTo(52);
    }

    @Test
    void aDemandTooBigForOneOfferingIsSplitCheapestFirst() {
        Supply a = supply().price(1000).units(1).build();   // 240 card-hours
        Supply b = supply().price(1100).units(2).build();   // 480 card-hours
        Supply c = supply().price(1300).units(8).build();   // 1920 card-hours

        MatchResult result = matcher.match(demand().cardHours(1000).build(), List.of(c, b, a));

        assertThat(result.fullyServed()).isTrue();
        assertThat(result.fills()).extracting(Fill::offeringId, Fill::cardHours, Fill::units, Fill::amountFen)
                .containsExactly(
                        tuple(a.offeringId(), 240L, 1, 240L * 1000),
                        tuple(b.offeringId(), 480L, 2, 480L * 1100),
                        tuple(c.offeringId(), 280L, 2, 280L * 1300));
    }

    @Test
    void capacityAlreadyReservedIsNotReservedAgain() {
        Supply nearlyFull = supply().price(1000).remaining(30).build();
        Supply other = supply().price(1500).build();

        MatchResult result = matcher.match(demand().cardHours(100).build(), List.of(nearlyFull, other));

        assertThat(result.fills()).extracting(Fill::offeringId, Fill::cardHours)
                .containsExactly(tuple(nearlyFull.offeringId(), 30L), tuple(other.offeringId(), 70L));
    }

    @Test
    void nothingEligibleLeavesTheWholeDemandToTheWaitlist() {
        MatchResult result = matcher.match(demand().cardHours(100).build(),
                List.of(supply().inactiveProvider().build(), supply().region("440300").build()));

        assertThat(result.fills()).isEmpty();
        assertThat(result.unservedCardHours()).isEqualTo(100);
        assertThat(result.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.NO_ELIGIBLE_OFFERING);
        assertThat(result.explanation().exclusionCounts())
                .containsEntry(Exclusion.PROVIDER_NOT_ACTIVE, 1).containsEntry(Exclusion.REGION_NOT_ALLOWED, 1);
    }

    @Test
    void noOfferingOfTheClassAtAllIsSaidSo() {
        MatchResult result = matcher.match(demand().build(), List.of(supply().resourceClass("NPU_ASCEND_910B").build()));
        assertThat(result.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.NO_OFFERING_OF_CLASS);
        assertThat(result.explanation().candidatesConsidered()).isZero();
    }

    @Test
    void aPartlyServedDemandWaitsForTheRestBecauseOfCapacity() {
        MatchResult result = matcher.match(demand().cardHours(500).build(), List.of(supply().units(1).build()));
        assertThat(result.fills()).extracting(Fill::cardHours).containsExactly(240L);
        assertThat(result.unservedCardHours()).isEqualTo(260);
        assertThat(result.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.INSUFFICIENT_CAPACITY);
    }

    @Test
    void anExhaustedOfferingIsExplainedAsNoCapacityLeft() {
        MatchResult result = matcher.match(demand().build(), List.of(supply().remaining(0).build()));
        assertThat(result.explanation().candidates()).singleElement()
                .satisfies(n -> assertThat(n.reasons()).containsExactly(Exclusion.NO_CAPACITY_LEFT));
        assertThat(result.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.INSUFFICIENT_CAPACITY);
    }

    @Test
    void theEarlierApprovedVoucherIsServedFirst() {
        Supply onlyOne = supply().units(1).build(); // 240 card-hours
        Demand later = demand().cardHours(200).approvedAt(JAN_1.minus(Duration.ofDays(1))).build();
        Demand earlier = demand().cardHours(200).approvedAt(JAN_1.minus(Duration.ofDays(2))).build();

        List<MatchResult> results = matcher.matchInApprovalOrder(List.of(later, earlier), List.of(onlyOne));

        assertThat(results).extracting(r -> r.demand().voucherId())
                .containsExactly(earlier.voucherId(), later.voucherId());
        assertThat(results.get(0).fullyServed()).isTrue();
        assertThat(results.get(1).fills()).extracting(Fill::cardHours).containsExactly(40L);
        assertThat(results.get(1).unservedCardHours()).isEqualTo(160);
    }

    @Test
    void theExplanationNamesTheRuleAndEveryCandidateWithItsOutcome() {
        Supply cheap = supply().price(1000).build();
        Supply dear = supply().price(3000).build();
        Supply related = supply().price(500).providerRelated(Fixtures.ENTERPRISE).build();

        Explanation e = matcher.match(demand().cardHours(100).build(), List.of(dear, related, cheap)).explanation();

        assertThat(e.rule()).isEqualTo(Explanation.RULE);
        assertThat(e.ruleDescription()).contains("first come, first served").contains("unit price");
        assertThat(e.candidatesConsidered()).isEqualTo(3);
        assertThat(e.servedCardHours()).isEqualTo(100);
        assertThat(e.candidates()).extracting(CandidateNote::offeringId, CandidateNote::outcome, CandidateNote::rank)
                .containsExactly(
                        tuple(cheap.offeringId(), CandidateNote.Outcome.SELECTED, 1),
                        tuple(dear.offeringId(), CandidateNote.Outcome.NOT_NEEDED, 2),
                        tuple(related.offeringId(), CandidateNote.Outcome.EXCLUDED, null));
        assertThat(e.candidates().get(2).reasons()).containsExactly(Exclusion.RELATED_PARTY);
    }

    @Test
    void longCandidateListsAreCutButCounted() {
        List<Supply> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(supply().price(1000 + i).build());
        }
        MatchResult result = new Matcher(5).match(demand().cardHours(100).build(), many);
        assertThat(result.explanation().candidates()).hasSize(6); // the selected one and 5 more
        assertThat(result.explanation().omittedCandidates()).isEqualTo(24);
        assertThat(result.explanation().candidatesConsidered()).isEqualTo(30);
    }

    @Test
    void equalPricesPreferTheOfferingWithMoreCapacityForFewerSplits() {
        Supply small = supply().price(1000).units(1).build();
        Supply big = supply().price(1000).units(8).build();
        MatchResult result = matcher.match(demand().cardHours(300).build(), List.of(small, big));
        assertThat(result.fills()).extracting(Fill::offeringId).containsExactly(big.offeringId());
    }

    @Test
    void theInputsAreNotChanged() {
        Supply s = supply().units(1).build();
        long before = s.remainingUnitHours();
        matcher.match(demand().cardHours(100).build(), List.of(s));
        assertThat(s.remainingUnitHours()).isEqualTo(before);
    }

    @Test
    void atAnEqualPriceDomesticChipsComeFirstWhereTheProgrammeRatesThemHigher() {
        Supply imported = supply().price(1000).units(8).build();
        Supply domestic = supply().price(1000).units(4).domesticChip().build();
        Supply cheaperImported = supply().price(900).units(1).build();

        MatchResult preferring = matcher.match(demand().cardHours(500).prefersDomesticChips().build(),
                List.of(imported, domestic, cheaperImported));
        assertThat(preferring.fills()).extracting(Fill::offeringId)
                .containsExactly(cheaperImported.offeringId(), domestic.offeringId());

        MatchResult indifferent = matcher.match(demand().cardHours(500).build(), List.of(imported, domestic, cheaperImported));
        assertThat(indifferent.fills()).extracting(Fill::offeringId)
                .as("without a preference, more capacity first").containsExactly(cheaperImported.offeringId(), imported.offeringId());
    }

    @Test
    void theMatchersFastRulesAgreeWithEligibility() {
        java.util.Random random = new java.util.Random(7);
        String[] regions = {"110108", "110105", "310115", "440305"};
        String[] programmes = {"BJ-AICV", "SH-ICV"};
        for (int n = 0; n < 300; n++) {
            Fixtures.SupplyBuilder b = supply().region(regions[random.nextInt(regions.length)])
                    .window(Fixtures.JAN_1.plus(java.time.Duration.ofHours(random.nextInt(400) - 200)),
                            Fixtures.JAN_11.plus(java.time.Duration.ofHours(random.nextInt(400) - 200)))
                    .memberships(programmes[random.nextInt(2)]);
            switch (random.nextInt(8)) {
                case 0 -> b.withdrawn();
                case 1 -> b.inactiveProvider();
                case 2 -> b.unknownProvider();
                case 3 -> b.notPrivatelyInvested();
                case 4 -> b.providerRelated(Fixtures.ENTERPRISE);
                case 5 -> b.provider(Fixtures.ENTERPRISE, "同一法人");
                case 6 -> b.unit(random.nextBoolean() ? "TB_MONTH" : "CORE_HOUR");
                default -> b.resourceClass(random.nextBoolean() ? "NPU_ASCEND_910B" : Fixtures.GPU);
            }
            Supply s = b.build();
            Fixtures.DemandBuilder d = demand().unit(random.nextInt(3) == 0 ? "TB_MONTH" : "CARD_HOUR")
                    .programme(programmes[random.nextInt(2)])
                    .regions(random.nextBoolean() ? "110000" : "310000")
                    .requirements(random.nextBoolean() ? ProviderRequirement.PARTNER_PROGRAMME
                            : ProviderRequirement.PRIVATELY_INVESTED);
            if (random.nextInt(4) == 0) {
                d.related(s.provider() == null ? "x" : s.provider().name());
            }
            switch (random.nextInt(3)) {
                case 0 -> d.contractedWith(s.provider() == null ? "91110000MA01PRQ01K" : s.provider().creditCode());
                case 1 -> d.contractedWith("91110105MA03PRD108");
                default -> { } // quota first: bound to no provider
            }
            Demand demand = d.build();
            assertThat(Matcher.exclusionsOf(demand, List.of(s)).get(0)).as("%s vs %s", demand, s)
                    .isEqualTo(Eligibility.check(demand, s));
        }
    }

    @Test
    void aContractFirstVoucherIsServedByItsContractedProviderOnlyEvenWhenAnotherIsCheaper() {
        String contracted = "91110105MA03PRD108";
        Supply cheaperOther = supply().price(1000).build();
        Supply ofTheContracted = supply().price(1800).provider(contracted, "京算智能科技有限公司").build();
        Demand demand = demand().cardHours(100).contractedWith(contracted).build();

        MatchResult result = matcher.match(demand, List.of(cheaperOther, ofTheContracted));
        assertThat(result.fullyServed()).isTrue();
        assertThat(result.fills()).extracting(Fill::offeringId).containsExactly(ofTheContracted.offeringId());
        assertThat(result.fills()).extracting(Fill::unitPriceFen).containsExactly(1800L);
        assertThat(result.explanation().contractedProviderCreditCode()).isEqualTo(contracted);
        assertThat(result.explanation().exclusionCounts()).containsEntry(Exclusion.NOT_CONTRACTED_PROVIDER, 1);
        assertThat(result.explanation().candidates()).filteredOn(n -> n.offeringId().equals(cheaperOther.offeringId()))
                .singleElement().satisfies(n -> assertThat(n.reasons()).containsExactly(Exclusion.NOT_CONTRACTED_PROVIDER));
        // the slow path says the same of both offerings
        assertThat(Eligibility.check(demand, cheaperOther)).containsExactly(Exclusion.NOT_CONTRACTED_PROVIDER);
        assertThat(Eligibility.check(demand, ofTheContracted)).isEmpty();
        // a quota-first voucher takes the cheaper one
        assertThat(matcher.match(demand().cardHours(100).build(), List.of(cheaperOther, ofTheContracted)).fills())
                .extracting(Fill::offeringId).containsExactly(cheaperOther.offeringId());
    }

    @Test
    void aContractedProviderWithoutAFittingOfferingWaitlistsTheVoucherNamingTheProvider() {
        String contracted = "91110105MA03PRD108";
        Supply other = supply().price(1000).build();
        Supply contractedElsewhere = supply().provider(contracted, "京算智能科技有限公司").region("310115").build();
        Demand demand = demand().cardHours(100).contractedWith(contracted).build();

        MatchResult result = matcher.match(demand, List.of(other, contractedElsewhere));
        assertThat(result.fills()).isEmpty();
        assertThat(result.unservedCardHours()).isEqualTo(100);
        assertThat(result.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.NO_OFFERING_OF_CONTRACTED_PROVIDER);
        assertThat(result.explanation().contractedProviderCreditCode()).isEqualTo(contracted);

        // no offering of the class at all: still the contracted provider's absence that keeps it waiting
        MatchResult none = matcher.match(demand, List.of());
        assertThat(none.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.NO_OFFERING_OF_CONTRACTED_PROVIDER);
        assertThat(none.explanation().contractedProviderCreditCode()).isEqualTo(contracted);

        // the contracted provider serves part of it: its capacity is what ran out
        Supply small = supply().provider(contracted, "京算智能科技有限公司").remaining(40).build();
        MatchResult partly = matcher.match(demand, List.of(other, small));
        assertThat(partly.unservedCardHours()).isEqualTo(60);
        assertThat(partly.fills()).extracting(Fill::offeringId).containsExactly(small.offeringId());
        assertThat(partly.waitlistReason()).isEqualTo(MatchResult.WaitlistReason.INSUFFICIENT_CAPACITY);
    }
}
