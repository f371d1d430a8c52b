package io.clientele.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.SecretBox;

/**
 * The {@link SecretBox} every module seals its stored secrets with. Its key is
 * {@code clientele.encryption-key}; only beside the embedded database, whose data is in
 * the same data directory anyway, is a missing key generated there. A shop's own database
 * is shared by nodes, which must all have the same key: none is made up for it.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EncryptionKeyConfiguration.class);

	@Bean
	SecretBox secretBox(PlatformSettings settings, Environment environment) {
		if (StringUtils.hasText(settings.encryptionKey())) {
			return SecretBox.ofBase64(settings.encryptionKey(), SecretBox.SETTING);
		}
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			throw new ConfigurationProblem(
					SecretBox.SETTING + " is not set: with an external database (spring.datasource.url) every node"
							+ " needs the same encryption key for the secrets stored there.",
					SecretBox.howToMakeAKey());
		}
		var file = settings.dataDir().resolve("keys").resolve("encryption-key").toAbsolutePath().normalize();
		return SecretBox.ofBase64(storedOrGenerated(file), file.toString());
	}

	/**
	 * The key in the file, or a new one in a file that is owner-only from its creation.
	 */
	private static String storedOrGenerated(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII);
			}
			var directory = file.getParent();
			try {
				Files.createDirectories(directory,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createDirectories(directory);
			}
			var key = SecretBox.newKey();
			var temporary = temporaryFile(directory);
			try {
				Files.writeString(temporary, key, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
						StandardOpenOption.SYNC);
				// a link fails if another process was first: then its key is the key
				Files.createLink(file, temporary);
				log.info("Generated the encryption key for stored secrets in {}", file);
				return key;
			}
			catch (FileAlreadyExistsException anotherProcessWasFirst) {
				return Files.readString(file, StandardCharsets.US_ASCII);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path temporaryFile(Path directory) throws IOException {
		try {
			return Files.createTempFile(directory, ".encryption-key", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			return Files.createTempFile(directory, ".encryption-key", ".tmp");
		}
	}

}
