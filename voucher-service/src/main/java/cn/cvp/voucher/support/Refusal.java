package cn.cvp.voucher.support;

/**
 * What a rule says when it refuses: a stable code and a message in English and Chinese. Rule classes return it (a
 * verdict); the use case turns one or several into a {@link cn.cvp.kit.domain.DomainException}.
 */
public record Refusal(String code, String messageEn, String messageZh) {
}
