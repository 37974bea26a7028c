package cn.cvp.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FmtTest {
    @Test
    void moneyIsYuanWithTwoDecimalsFromIntegerFen() {
        assertThat(Fmt.yuan(60_000L)).isEqualTo("¥600.00");
        assertThat(Fmt.yuan(123_456_789)).isEqualTo("¥1,234,567.89");
        assertThat(Fmt.yuan(5)).isEqualTo("¥0.05");
        assertThat(Fmt.yuan(-105)).isEqualTo("-¥1.05");
        assertThat(Fmt.yuan(null)).isEqualTo("—");
        assertThat(Fmt.yuan(Long.MAX_VALUE)).isEqualTo("¥92,233,720,368,547,758.07");
    }

    @Test
    void typedYuanBecomesFenWithoutFloatingPoint() {
        assertThat(Fmt.fenOf("3000")).isEqualTo(300_000L);
        assertThat(Fmt.fenOf("¥3,000.50")).isEqualTo(300_050L);
        assertThat(Fmt.fenOf("0.1")).isEqualTo(10L);
        assertThat(Fmt.fenOf("0.001")).isNull(); // no fraction of a fen
        assertThat(Fmt.fenOf("abc")).isNull();
        assertThat(Fmt.fenOf(" ")).isNull();
    }

    @Test
    void instantsAreShownInShanghaiTime() {
        assertThat(Fmt.time("2026-11-22T00:30:00Z")).isEqualTo("2026-11-22 08:30");
        assertThat(Fmt.time("2026-11-22T23:30:00+08:00")).isEqualTo("2026-11-22 23:30");
        assertThat(Fmt.time("2026-11-22")).isEqualTo("2026-11-22");
        assertThat(Fmt.time(null)).isEqualTo("—");
    }
}
