package cn.cvp.provider.provider.application;

import cn.cvp.provider.provider.domain.Provider;

/** Register the caller's own organisation as a provider (算力服务机构登记). */
public record RegisterProvider(Provider.Registration registration) {
}
