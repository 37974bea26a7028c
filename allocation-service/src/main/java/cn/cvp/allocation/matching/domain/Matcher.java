package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matching engine: pure, in memory, no persistence. Given demands and the capacity on offer it decides
 * which offerings serve which demand, how much of each, and explains why.
 *
 * <p>Policy ({@link Explanation#RULE}): demands are served first come, first served by approval time; for
 * each, the eligible offerings ({@link Eligibility}) are ranked by unit price, then — where the programme rates
 * domestic chips higher for the voucher — domestic-chip offerings first, then most capacity available, then
 * offering id (deterministic); the demand is filled greedily from the first, split across offerings when one is
 * not enough. What cannot be served is left unserved (to be waitlisted).
 *
 * <p>Capacity an offering can give one demand is its units × the whole unit-periods its availability overlaps the
 * demand window — hours for card-hours and core-hours, 30-day months for TB-months
 * ({@link cn.cvp.allocation.catalogue.domain.BillingUnit}) — and never more than what is left of the offering
 * overall. Only offerings in the demand's unit can serve it. Capacity given to one demand of a batch is no
 * longer available to the next. The inputs are not modified.
 *
 * <p>Fast on large batches: the offerings are indexed by resource class and, within a class, by region, each
 * region's list sorted by price; a demand looks only at the offerings of the regions it admits (the admitted
 * list is built once per distinct set of allowed regions), so it never scans the whole market. Offerings of
 * the class outside the allowed regions are counted (and named, if the explanation has room) under
 * {@link Exclusion#REGION_NOT_ALLOWED} only; offerings with nothing left under {@link Exclusion#NO_CAPACITY_LEFT}
 * only (the other rules are not evaluated for them).
 *
 * <p>Stateless and thread-safe.
 */
public final class Matcher {

    private static final Exclusion[] EXCLUSIONS = Exclusion.values();
    private static final int NO_CAPACITY_LEFT = Eligibility.bit(Exclusion.NO_CAPACITY_LEFT);
    private static final int REGION_NOT_ALLOWED = Exclusion.REGION_NOT_ALLOWED.ordinal();

    private final int explainedCandidates;

    /** @param explainedCandidates how many candidates besides the selected ones an explanation lists by name */
    public Matcher(int explainedCandidates) {
        if (explainedCandidates < 0) {
            throw new IllegalArgumentException("explainedCandidates must not be negative");
        }
        this.explainedCandidates = explainedCandidates;
    }

    /** Matches one demand against the capacity on offer. */
    public MatchResult match(Demand demand, List<Supply> supplies) {
        return matchInApprovalOrder(List.of(demand), supplies).get(0);
    }

    /**
     * Matches demands in approval order (earliest first), each seeing the capacity the earlier ones left.
     *
     * @return one result per demand, in approval order
     */
    public List<MatchResult> matchInApprovalOrder(List<Demand> demands, List<Supply> supplies) {
        Market market = new Market(supplies);
        List<Demand> ordered = new ArrayList<>(demands);
        ordered.sort(Comparator.comparing(Demand::approvedAt).thenComparing(Demand::voucherId));
        List<MatchResult> results = new ArrayList<>(ordered.size());
        for (Demand d : ordered) {
            results.add(matchOne(d, market));
        }
        return results;
    }

    private MatchResult matchOne(Demand demand, Market market) {
        ClassIndex index = market.byClass.get(demand.resourceClass());
        if (index == null) {
            return unserved(demand, 0, 0, new int[EXCLUSIONS.length], List.of(), List.of());
        }
        Admitted admitted = index.admitted(demand.regions(), market.supplies);
        DemandRules rules = new DemandRules(demand, market);
        long[] remaining = market.remaining;
        List<Supply> supplies = market.supplies;
        Excluded excluded = new Excluded(explainedCandidates);
        List<CandidateNote> ranked = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        int[] exclusionCounts = new int[EXCLUSIONS.length];
        int eligibleCount = 0;
        // one pass in price order; offerings of one price are ranked among themselves (domestic chips, capacity,
        // id) as a run, then filled from; once the demand is served the rest is only counted (and the first few
        // named as NOT_NEEDED)
        Run run = new Run(demand);
        for (int i : admitted.inRegion) {
            if (remaining[i] <= 0) {
                exclusionCounts[NO_CAPACITY_LEFT_ORDINAL]++;
                excluded.add(i, NO_CAPACITY_LEFT);
                continue;
            }
            int exclusions = rules.exclusions(i);
            long available = 0;
            long overlapPeriods = 0;
            if (exclusions == 0) {
                overlapPeriods = rules.overlapPeriods(i);
                available = Math.min(Math.multiplyExact((long) market.units[i], overlapPeriods), remaining[i]);
                if (available <= 0) {
                    exclusions = NO_CAPACITY_LEFT;
                }
            }
            if (exclusions != 0) {
                for (int bits = exclusions; bits != 0; bits &= bits - 1) {
                    exclusionCounts[Integer.numberOfTrailingZeros(bits)]++;
                }
                excluded.add(i, exclusions);
                continue;
            }
            eligibleCount++;
            if (run.need > 0 || run.notNeeded < explainedCandidates) {
                long price = market.price[i];
                if (!run.items.isEmpty() && run.price != price) {
                    run.flush(remaining, fills, ranked, explainedCandidates);
                }
                run.price = price;
                run.items.add(new Eligible(supplies.get(i), i, overlapPeriods, available,
                        demand.prefersDomesticChips() && market.domestic[i]));
            }
        }
        run.flush(remaining, fills, ranked, explainedCandidates);
        exclusionCounts[REGION_NOT_ALLOWED] += admitted.outOfRegion.length;
        for (int k = 0; k < admitted.outOfRegion.length && !excluded.full(); k++) {
            excluded.add(admitted.outOfRegion[k], REGION_BIT);
        }
        long need = run.need;
        // only the excluded candidates the explanation has room for become notes
        MatchResult partial = unserved(demand, index.size, eligibleCount, exclusionCounts, ranked,
                excluded.notes(supplies, fills.size() + explainedCandidates - ranked.size()));
        Explanation x = partial.explanation();
        Explanation explanation = new Explanation(x.rule(), x.ruleDescription(), demand.cardHours(),
                demand.cardHours() - need, need, x.candidatesConsidered(), x.eligibleCandidates(), x.exclusionCounts(),
                x.candidates(), x.omittedCandidates(), null, demand.contractedProviderCreditCode());
        return new MatchResult(demand, List.copyOf(fills), need, explanation);
    }

    /** The first excluded candidates met (index and reasons), made into notes only if the explanation lists them. */
    private static final class Excluded {
        final int[] index;
        final int[] bits;
        int size;

        Excluded(int capacity) {
            index = new int[capacity];
            bits = new int[capacity];
        }

        boolean full() {
            return size == index.length;
        }

        void add(int i, int exclusions) {
            if (size < index.length) {
                index[size] = i;
                bits[size++] = exclusions;
            }
        }

        List<CandidateNote> notes(List<Supply> supplies, int room) {
            int n = Math.max(0, Math.min(room, size));
            List<CandidateNote> notes = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                notes.add(excludedNote(supplies.get(index[k]), bits[k]));
            }
            return notes;
        }
    }

    /** Eligible offerings of one price, ranked among themselves, then filled from in that order. */
    private static final class Run {
        final Demand demand;
        final List<Eligible> items = new ArrayList<>();
        long price;
        long need;
        int rank;
        int notNeeded;

        Run(Demand demand) {
            this.demand = demand;
            this.need = demand.cardHours();
        }

        void flush(long[] remaining, List<Fill> fills, List<CandidateNote> ranked, int explainedCandidates) {
            if (items.size() > 1) {
                items.sort(RANKING);
            }
            for (Eligible e : items) {
                rank++;
                Supply s = e.supply;
                if (need == 0) {
                    if (notNeeded >= explainedCandidates) {
                        break;
                    }
                    notNeeded++;
                    ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                            CandidateNote.Outcome.NOT_NEEDED, rank, e.available, 0, List.of()));
                    continue;
                }
                long take = Math.min(need, e.available);
                int units = (int) Math.min(s.units(), ceilDiv(take, e.overlapPeriods));
                fills.add(new Fill(s.offeringId(), s.offeringVersion(), s.providerId(), s.resourceClass(), s.region(),
                        s.domesticChip(), units, take, s.unitPriceFen(), Math.multiplyExact(take, s.unitPriceFen()),
                        Eligibility.overlapStart(demand, s), Eligibility.overlapEnd(demand, s), s.unit()));
                remaining[e.index] -= take;
                need -= take;
                ranked.add(new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                        CandidateNote.Outcome.SELECTED, rank, e.available, take, List.of()));
            }
            items.clear();
        }
    }

    /**
     * {@link Eligibility.Rules} for offerings already known to be of the demand's class and in an allowed region,
     * on the market's primitive arrays (the matcher's hot loop); the related-party rule is {@link RelatedParties},
     * prepared once per demand. {@code MatcherTest} checks it agrees with {@link Eligibility}.
     */
    private static final class DemandRules {
        private final Market m;
        private final long windowStart;
        private final long windowEnd;
        private final boolean[] member;
        private final boolean needsPrivateInvestment;
        private final RelatedParties enterprise;
        private final String contractedProvider;
        private final String unit;

        DemandRules(Demand demand, Market market) {
            this.m = market;
            this.unit = demand.unit();
            this.windowStart = demand.windowStart().getEpochSecond();
            this.windowEnd = demand.windowEnd().getEpochSecond();
            boolean needsMembership = demand.providerRequirements().contains(ProviderRequirement.PARTNER_PROGRAMME)
                    || demand.providerRequirements().contains(ProviderRequirement.LISTED_INSTITUTION);
            this.member = needsMembership ? market.membersOf(demand.programmeCode()) : null;
            this.needsPrivateInvestment = demand.providerRequirements().contains(ProviderRequirement.PRIVATELY_INVESTED);
            this.enterprise = demand.relatedParties();
            this.contractedProvider = demand.contractedProviderCreditCode();
        }

        int exclusions(int i) {
            int x = m.staticExclusions[i];
            if (!unit.equals(m.unit[i])) {
                x |= UNIT_NOT_SUPPORTED;
            }
            if (overlapPeriods(i) < 1) {
                x |= WINDOW_NO_OVERLAP;
            }
            Supply.ProviderProfile provider = m.provider[i];
            if (provider == null) {
                return x;
            }
            if (member != null && !member[i]) {
                x |= NOT_IN_PROGRAMME;
            }
            if (needsPrivateInvestment && !provider.privatelyInvested()) {
                x |= NOT_PRIVATELY_INVESTED;
            }
            if (enterprise.relatedTo(provider.creditCode(), provider.name(), provider.relatedParties(),
                    m.providerListsRelated[i])) {
                x |= RELATED;
            }
            if (contractedProvider != null && !contractedProvider.equals(provider.creditCode())) {
                x |= NOT_CONTRACTED;
            }
            return x;
        }

        /** Whole unit-periods (hours, or 30-day months) the demand window and offering {@code i} share. */
        long overlapPeriods(int i) {
            long start = Math.max(windowStart, m.from[i]);
            long end = Math.min(windowEnd, m.to[i]);
            return end > start ? (end - start) / m.period[i] : 0;
        }
    }

    private static final int NO_CAPACITY_LEFT_ORDINAL = Exclusion.NO_CAPACITY_LEFT.ordinal();
    private static final int WINDOW_NO_OVERLAP = Eligibility.bit(Exclusion.WINDOW_NO_OVERLAP);
    private static final int NOT_IN_PROGRAMME = Eligibility.bit(Exclusion.PROVIDER_NOT_IN_PROGRAMME);
    private static final int NOT_PRIVATELY_INVESTED = Eligibility.bit(Exclusion.PROVIDER_NOT_PRIVATELY_INVESTED);
    private static final int RELATED = Eligibility.bit(Exclusion.RELATED_PARTY);
    private static final int NOT_CONTRACTED = Eligibility.bit(Exclusion.NOT_CONTRACTED_PROVIDER);
    private static final int UNIT_NOT_SUPPORTED = Eligibility.bit(Exclusion.UNIT_NOT_SUPPORTED);

    /**
     * For tests: the exclusions the matcher finds for each offering (capacity aside), which must be exactly what
     * {@link Eligibility#check} finds.
     */
    static List<List<Exclusion>> exclusionsOf(Demand demand, List<Supply> supplies) {
        Market market = new Market(supplies);
        DemandRules rules = new DemandRules(demand, market);
        List<List<Exclusion>> result = new ArrayList<>(supplies.size());
        for (int i = 0; i < supplies.size(); i++) {
            Supply s = supplies.get(i);
            int x = rules.exclusions(i);
            if (!s.resourceClass().equals(demand.resourceClass())) {
                x |= Eligibility.bit(Exclusion.RESOURCE_CLASS_MISMATCH);
            }
            if (!Eligibility.regionAllowed(demand.regions(), s.region())) {
                x |= Eligibility.bit(Exclusion.REGION_NOT_ALLOWED);
            }
            result.add(Eligibility.reasons(x));
        }
        return result;
    }

    private MatchResult unserved(Demand demand, int considered, int eligibleCount, int[] exclusionCounts,
                                 List<CandidateNote> ranked, List<CandidateNote> excluded) {
        List<CandidateNote> notes = new ArrayList<>(ranked.size() + excluded.size());
        notes.addAll(ranked);
        notes.addAll(excluded);
        long selected = ranked.stream().filter(n -> n.outcome() == CandidateNote.Outcome.SELECTED).count();
        int listed = (int) Math.min(notes.size(), selected + explainedCandidates);
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        for (Exclusion e : EXCLUSIONS) {
            if (exclusionCounts[e.ordinal()] > 0) {
                counts.put(e, exclusionCounts[e.ordinal()]);
            }
        }
        Explanation explanation = new Explanation(Explanation.RULE, Explanation.RULE_DESCRIPTION,
                demand.cardHours(), 0, demand.cardHours(), considered, eligibleCount,
                Collections.unmodifiableMap(counts), List.copyOf(notes.subList(0, listed)), considered - listed, null,
                demand.contractedProviderCreditCode());
        return new MatchResult(demand, List.of(), demand.cardHours(), explanation);
    }

    private static CandidateNote excludedNote(Supply s, int exclusions) {
        return new CandidateNote(s.offeringId(), s.providerId(), s.region(), s.unitPriceFen(),
                CandidateNote.Outcome.EXCLUDED, null, 0, 0, reasons(exclusions));
    }

    /** The reasons of every bit set, made once each (explanations share them: they are immutable). */
    @SuppressWarnings("unchecked")
    private static final List<Exclusion>[] REASONS = new List[1 << EXCLUSIONS.length];

    static {
        for (int bits = 0; bits < REASONS.length; bits++) {
            REASONS[bits] = Eligibility.reasons(bits);
        }
    }

    private static List<Exclusion> reasons(int exclusions) {
        return REASONS[exclusions];
    }

    private static final int REGION_BIT = Eligibility.bit(Exclusion.REGION_NOT_ALLOWED);

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Price, then (for a voucher whose programme rates them higher) domestic chips first, then the most capacity
     * available (fewer splits), then offering id: deterministic.
     */
    private static final Comparator<Eligible> RANKING = (a, b) -> {
        long pa = a.supply.unitPriceFen();
        long pb = b.supply.unitPriceFen();
        if (pa != pb) {
            return Long.compare(pa, pb);
        }
        if (a.preferred != b.preferred) {
            return a.preferred ? -1 : 1;
        }
        if (a.available != b.available) {
            return Long.compare(b.available, a.available);
        }
        return a.supply.offeringId().compareTo(b.supply.offeringId());
    };

    private record Eligible(Supply supply, int index, long overlapPeriods, long available, boolean preferred) {
    }

    /** The capacity on offer in one batch: what is left of each offering, its terms as arrays, and the index by class. */
    private static final class Market {
        final List<Supply> supplies;
        final long[] remaining;
        final long[] from;
        final long[] to;
        final long[] price;
        final int[] units;
        final String[] unit;
        /** seconds per unit-period of each offering's unit (an hour, or a 30-day month) */
        final long[] period;
        final boolean[] domestic;
        final int[] staticExclusions;
        final Supply.ProviderProfile[] provider;
        final boolean[] providerListsRelated;
        final Map<String, ClassIndex> byClass = new HashMap<>();
        private final Map<String, boolean[]> membersByProgramme = new HashMap<>();

        Market(List<Supply> supplies) {
            this.supplies = supplies instanceof java.util.RandomAccess ? supplies : new ArrayList<>(supplies);
            int n = this.supplies.size();
            remaining = new long[n];
            from = new long[n];
            to = new long[n];
            price = new long[n];
            units = new int[n];
            unit = new String[n];
            period = new long[n];
            domestic = new boolean[n];
            staticExclusions = new int[n];
            provider = new Supply.ProviderProfile[n];
            providerListsRelated = new boolean[n];
            Map<String, List<Integer>> indexByClass = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Supply s = this.supplies.get(i);
                indexByClass.computeIfAbsent(s.resourceClass(), k -> new ArrayList<>()).add(i);
                remaining[i] = Math.max(0, s.remainingUnitHours());
                from[i] = s.availableFrom().getEpochSecond();
                to[i] = s.availableTo().getEpochSecond();
                price[i] = s.unitPriceFen();
                units[i] = s.units();
                unit[i] = s.unit();
                Optional<BillingUnit> billingUnit = BillingUnit.of(s.unit());
                // an unknown unit is excluded (below); its overlap is counted in hours only to explain the rest
                period[i] = billingUnit.orElse(BillingUnit.CARD_HOUR).periodSeconds();
                domestic[i] = s.domesticChip();
                provider[i] = s.provider();
                int x = 0;
                if (!s.published()) {
                    x |= Eligibility.bit(Exclusion.OFFERING_NOT_PUBLISHED);
                }
                if (billingUnit.isEmpty()) {
                    x |= UNIT_NOT_SUPPORTED;
                }
                if (s.provider() == null) {
                    x |= Eligibility.bit(Exclusion.PROVIDER_UNKNOWN);
                } else {
                    if (!s.provider().active()) {
                        x |= Eligibility.bit(Exclusion.PROVIDER_NOT_ACTIVE);
                    }
                    providerListsRelated[i] = !s.provider().relatedParties().isEmpty();
                }
                staticExclusions[i] = x;
            }
            indexByClass.forEach((k, v) -> byClass.put(k, new ClassIndex(v, this.supplies)));
        }

        /** Whether each offering's provider may serve the programme (partner / listed institution). */
        boolean[] membersOf(String programmeCode) {
            return membersByProgramme.computeIfAbsent(String.valueOf(programmeCode), code -> {
                boolean[] member = new boolean[provider.length];
                for (int i = 0; i < member.length; i++) {
                    member[i] = provider[i] != null && provider[i].programmeMemberships().contains(programmeCode);
                }
                return member;
            });
        }
    }

    /** One resource class: its offerings by region (each list by price, then id), and admitted lists cached. */
    private static final class ClassIndex {
        final int size;
        final int[] byPrice;
        final Map<List<String>, Admitted> admittedByRegions = new HashMap<>();

        ClassIndex(List<Integer> indexes, List<Supply> supplies) {
            this.size = indexes.size();
            Comparator<Integer> byPriceThenId = Comparator
                    .<Integer>comparingLong(i -> supplies.get(i).unitPriceFen())
                    .thenComparing(i -> supplies.get(i).offeringId());
            this.byPrice = indexes.stream().sorted(byPriceThenId).mapToInt(Integer::intValue).toArray();
        }

        Admitted admitted(List<String> regions, List<Supply> supplies) {
            return admittedByRegions.computeIfAbsent(regions, r -> {
                Map<String, Boolean> regionAdmitted = new HashMap<>();
                int[] in = new int[byPrice.length];
                int[] out = new int[byPrice.length];
                int ni = 0;
                int no = 0;
                for (int i : byPrice) {
                    String region = supplies.get(i).region();
                    boolean ok = regionAdmitted.computeIfAbsent(String.valueOf(region),
                            x -> Eligibility.regionAllowed(r, region));
                    if (ok) {
                        in[ni++] = i;
                    } else {
                        out[no++] = i;
                    }
                }
                return new Admitted(Arrays.copyOf(in, ni), Arrays.copyOf(out, no));
            });
        }
    }

    /** A class's offerings in the regions a set of allowed regions admits (by price), and the others. */
    private record Admitted(int[] inRegion, int[] outOfRegion) {
    }
}
