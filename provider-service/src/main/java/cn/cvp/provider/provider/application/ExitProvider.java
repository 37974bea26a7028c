package cn.cvp.provider.provider.application;

import java.util.UUID;

/**
 * The provider leaves the programme (退出): any status that is not final → EXITED.
 *
 * @param anyProvider the caller may act on any provider (an administrator); otherwise only on its own organisation's,
 *                    and another one's answers as if it did not exist
 */
public record ExitProvider(UUID providerId, String reason, boolean anyProvider) {
}
