package cn.cvp.provider.provider.domain;

import org.junit.jupiter.api.Test;

import static cn.cvp.provider.provider.domain.ProviderStatus.ACTIVE;
import static cn.cvp.provider.provider.domain.ProviderStatus.EXITED;
import static cn.cvp.provider.provider.domain.ProviderStatus.PUBLIC_NOTICE;
import static cn.cvp.provider.provider.domain.ProviderStatus.REGISTERED;
import static cn.cvp.provider.provider.domain.ProviderStatus.REMOVED;
import static cn.cvp.provider.provider.domain.ProviderStatus.SELF_ASSESSED;
import static cn.cvp.provider.provider.domain.ProviderStatus.SUSPENDED;
import static cn.cvp.provider.provider.domain.ProviderStatus.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

class ProviderStatusTest {

    @Test
    void followsTheOnboardingSequence() {
        assertThat(REGISTERED.canMoveTo(SELF_ASSESSED)).isTrue();
        assertThat(SELF_ASSESSED.canMoveTo(VERIFYING)).isTrue();
        assertThat(VERIFYING.canMoveTo(PUBLIC_NOTICE)).isTrue();
        assertThat(PUBLIC_NOTICE.canMoveTo(ACTIVE)).isTrue();
        assertThat(REGISTERED.canMoveTo(ACTIVE)).isFalse();
        assertThat(SELF_ASSESSED.canMoveTo(PUBLIC_NOTICE)).isFalse();
    }

    @Test
    void anObjectionDuringPublicNoticeSendsItBackToVerification() {
        assertThat(PUBLIC_NOTICE.canMoveTo(VERIFYING)).isTrue();
        assertThat(VERIFYING.canMoveTo(SELF_ASSESSED)).isTrue();
    }

    @Test
    void aListedProviderCanBeSuspendedReinstatedRemovedOrExit() {
        assertThat(ACTIVE.canMoveTo(SUSPENDED)).isTrue();
        assertThat(SUSPENDED.canMoveTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canMoveTo(REMOVED)).isTrue();
        assertThat(SUSPENDED.canMoveTo(REMOVED)).isTrue();
        assertThat(ACTIVE.canMoveTo(EXITED)).isTrue();
        assertThat(ACTIVE.canMoveTo(REGISTERED)).isFalse();
    }

    @Test
    void removalAndExitAreFinal() {
        for (ProviderStatus target : ProviderStatus.values()) {
            assertThat(REMOVED.canMoveTo(target)).isFalse();
            assertThat(EXITED.canMoveTo(target)).isFalse();
        }
        assertThat(REMOVED.isTerminal()).isTrue();
        assertThat(EXITED.isTerminal()).isTrue();
        assertThat(SUSPENDED.isTerminal()).isFalse();
    }

    @Test
    void nothingMovesToItself() {
        for (ProviderStatus s : ProviderStatus.values()) {
            assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
        }
    }
}
