package cn.cvp.voucher.review.domain;

import java.time.LocalDate;

/** The compute contract (算力服务合同) an application is based on (contract first) or may name (quota first). */
public record Contract(String number, LocalDate signedOn, Integer months, String providerCreditCode) {
}
