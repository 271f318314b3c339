package com.tierpilot.delivery;

import java.net.URI;
import java.time.Duration;

/**
 * Where the providers' APIs are, and how long a call may take. Production uses the providers' public endpoints
 * ({@code tierpilot.delivery.aliyun.endpoint}, {@code tierpilot.delivery.tencent.endpoint}); a test points them at a
 * local server that plays the provider. Never taken from a company's settings, so that no tenant can make the
 * platform call an address of its choosing.
 */
public record ProviderEndpoints(URI aliyun, URI tencent, Duration timeout) {
}
