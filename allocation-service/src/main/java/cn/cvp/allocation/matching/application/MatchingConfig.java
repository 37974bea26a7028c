package cn.cvp.allocation.matching.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the matching engine ({@code cvp.matching.*}). */
@ConfigMapping(prefix = "cvp.matching")
public interface MatchingConfig {

    /** How many non-chosen candidates an allocation's explanation lists by name (the rest are counted). */
    @WithDefault("50")
    int explainedCandidates();
}
