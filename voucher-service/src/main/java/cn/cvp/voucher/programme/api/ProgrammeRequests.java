package cn.cvp.voucher.programme.api;

import cn.cvp.voucher.programme.domain.ProgrammeRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public final class ProgrammeRequests {
    private ProgrammeRequests() {
    }

    /** A new programme: a configuration, not code (e.g. Shenzhen 50 %, Hangzhou 30 % for domestic chips). */
    public record Create(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,16}(-[A-Z0-9]{1,16}){0,3}", message = "must be a code such as SZ-AICV") String code,
            @NotBlank @Size(max = 200) String name,
            @PositiveOrZero @Max(1_000_000_000_000_000L) long budgetTotalFen,
            @NotNull @Valid ProgrammeRules rules) {
    }

    public record Budget(@PositiveOrZero @Max(1_000_000_000_000_000L) long budgetTotalFen) {
    }
}
