package io.clientele.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What Clientele accepts from HTTP clients and the proxies in front of it.
 *
 * @param maxBodySize the largest request body on any path, counted while it is read
 * (chunked bodies too); larger ones get 413. The back office's import takes
 * {@code spring.servlet.multipart.max-request-size} from a signed-in admin.
 * @param trustedProxies the proxies (addresses or CIDR ranges, IPv4 and IPv6) whose
 * {@code X-Forwarded-For} names the client; empty: the header is never believed
 */
@ConfigurationProperties("clientele.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> trustedProxies) {
}
