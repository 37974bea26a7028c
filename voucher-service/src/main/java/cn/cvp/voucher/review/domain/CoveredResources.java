package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.support.Refusal;

import java.util.Optional;

/**
 * What a programme covers (支持范围): the resource class's category must be one of the programme's covered categories
 * (Beijing: intelligent compute only; Shanghai: compute and storage).
 */
public final class CoveredResources {
    private CoveredResources() {
    }

    public static Optional<Refusal> check(ProgrammeRules rules, ResourceClass resourceClass) {
        if (rules.coveredCategories().contains(resourceClass.category())) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("CATEGORY_NOT_COVERED",
                resourceClass + " (" + resourceClass.category() + ") is not covered by this programme",
                resourceClass + " 不属于本项目支持的资源类别"));
    }
}
