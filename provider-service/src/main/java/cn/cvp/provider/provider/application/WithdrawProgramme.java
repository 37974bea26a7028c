package cn.cvp.provider.provider.application;

import java.util.UUID;

/** Withdraw a listed provider's standing in a programme. */
public record WithdrawProgramme(UUID providerId, String programme, String reason) {
}
