package cn.cvp.provider.provider.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 公示: seven days by default; objections while it runs, listing once it has ended. */
class PublicNoticeTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
    private static final UUID PROVIDER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d");

    @Test
    void aNoticeRunsForItsDaysFromWhenItStarts() {
        PublicNotice notice = PublicNotice.starting(NOW, PublicNotice.DEFAULT_DAYS);
        assertThat(notice.startedAt()).isEqualTo(NOW);
        assertThat(notice.endsAt()).isEqualTo(NOW.plusDays(7));
        assertThat(PublicNotice.starting(NOW, 10).endsAt()).isEqualTo(NOW.plusDays(10));
    }

    @Test
    void objectionsAreTakenUntilTheLastInstantBeforeTheEnd() {
        PublicNotice notice = PublicNotice.starting(NOW, 7);
        assertThat(notice.openAt(NOW)).isTrue();
        assertThat(notice.openAt(NOW.plusDays(7).minusNanos(1000))).isTrue();
        assertThat(notice.openAt(NOW.plusDays(7))).isFalse();
        assertThat(new PublicNotice(null, null).openAt(NOW)).isFalse();
    }

    @Test
    void anObjectionSendsTheProviderBackWithItsReason() {
        assertThat(PublicNotice.objectionReason("机房与申报地址不符")).isEqualTo("OBJECTION: 机房与申报地址不符");
    }

    @Test
    void listingWaitsForTheEnd() {
        PublicNotice notice = PublicNotice.starting(NOW, 7);
        assertThatThrownBy(() -> notice.requireEnded(PROVIDER, ProviderStatus.PUBLIC_NOTICE, NOW.plusDays(6)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOTICE_PERIOD_NOT_OVER");
                    assertThat(ProblemException.of(e).status()).isEqualTo(409);
                    assertThat(e.details()).containsEntry("currentState", "PUBLIC_NOTICE")
                            .containsEntry("noticeEndsAt", NOW.plusDays(7).toString());
                });
        assertThatNoException().isThrownBy(() -> notice.requireEnded(PROVIDER, ProviderStatus.PUBLIC_NOTICE,
                NOW.plusDays(7)));
    }

    @Test
    void anObjectionOutsideTheNoticeIsRefusedWithTheCurrentState() {
        DomainException ended = PublicNotice.notOpen(PROVIDER, ProviderStatus.PUBLIC_NOTICE, NOW);
        assertThat(ended.code()).isEqualTo("NOTICE_NOT_OPEN");
        assertThat(ProblemException.of(ended).status()).isEqualTo(409);
        assertThat(ended.getMessage()).endsWith("any more (it ended at " + NOW + ")");
        DomainException none = PublicNotice.notOpen(PROVIDER, ProviderStatus.VERIFYING, null);
        assertThat(none.getMessage()).isEqualTo("Provider " + PROVIDER + " is not on public notice");
        assertThat(none.details()).containsEntry("currentState", "VERIFYING");
    }
}
