package cn.cvp.provider.usage.application;

import cn.cvp.provider.usage.domain.BatchSizeLimit;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Usage intake settings ({@code cvp.usage.*}). */
@ConfigMapping(prefix = "cvp.usage")
public interface UsageIntakeConfig {

    /** The largest usage batch one request may carry ({@link BatchSizeLimit}). */
    @WithDefault("1000")
    int maxBatchSize();
}
