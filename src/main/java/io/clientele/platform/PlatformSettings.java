package io.clientele.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where Clientele keeps its files; the embedded PostgreSQL lives in
 * {@code <data-dir>/postgres}
 */
@ConfigurationProperties("clientele")
public record PlatformSettings(@DefaultValue("./data") Path dataDir) {
}
