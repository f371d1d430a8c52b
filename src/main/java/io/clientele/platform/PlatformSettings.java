package io.clientele.platform;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where Clientele keeps its files; the embedded PostgreSQL lives in
 * {@code <data-dir>/postgres}
 * @param encryptionKey the key (32 random bytes, base64) that encrypts the secrets kept
 * in the database, the same on every node; give it through the environment
 * ({@code CLIENTELE_ENCRYPTION_KEY}). Required with an external database; with the
 * embedded one it is generated once into {@code <data-dir>/keys/encryption-key}
 */
@ConfigurationProperties("clientele")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, @Nullable String encryptionKey) {
}
