package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.clientele.shared.ConfigurationProblem;
import io.clientele.shared.SecretBox;

/**
 * Where the encryption key comes from: the setting; beside the embedded database a file
 * generated once in the data directory; with an external database nowhere else.
 */
class EncryptionKeyTests {

	EncryptionKeyConfiguration configuration = new EncryptionKeyConfiguration();

	@Test
	void withTheEmbeddedDatabaseAMissingKeyIsGeneratedOwnerOnlyAndKeptForTheNextStart(@TempDir Path dataDir)
			throws Exception {
		var first = configuration.secretBox(new PlatformSettings(dataDir, null), new StandardEnvironment());
		var sealed = first.seal("totp-secret", new byte[] { 1, 2, 3 });
		var again = configuration.secretBox(new PlatformSettings(dataDir, null), new StandardEnvironment());

		var file = dataDir.resolve("keys/encryption-key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(java.util.Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII))).hasSize(32);
		try (var files = Files.list(file.getParent())) {
			assertThat(files).as("no temporary file left behind").containsExactly(file);
		}
		assertThat(again.open("totp-secret", sealed)).as("the same key at the next start").containsExactly(1, 2, 3);
	}

	@Test
	void theSettingWinsOverTheFile(@TempDir Path dataDir) {
		var key = SecretBox.newKey();

		var box = configuration.secretBox(new PlatformSettings(dataDir, key), new StandardEnvironment());

		assertThat(SecretBox.ofBase64(key, "test").open("p", box.seal("p", new byte[] { 7 }))).containsExactly(7);
		assertThat(dataDir.resolve("keys")).doesNotExist();
	}

	@Test
	void theKeyIsReadFromTheEnvironmentVariableClienteleEncryptionKey() {
		var key = SecretBox.newKey();
		var environment = new org.springframework.core.env.SystemEnvironmentPropertySource("env",
				Map.of("CLIENTELE_ENCRYPTION_KEY", key));

		var settings = new org.springframework.boot.context.properties.bind.Binder(
				org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(environment))
			.bindOrCreate("clientele", PlatformSettings.class);

		assertThat(settings.encryptionKey()).isEqualTo(key);
	}

	@Test
	void anExternalDatabaseWithoutAKeyIsAConfigurationProblemNamingTheSettingAndHowToMakeOne(@TempDir Path dataDir) {
		var environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.datasource.url", "jdbc:postgresql://db.shop.example/clientele")));

		assertThatExceptionOfType(ConfigurationProblem.class)
			.isThrownBy(() -> configuration.secretBox(new PlatformSettings(dataDir, null), environment))
			.withMessageStartingWith("clientele.encryption-key is not set")
			.satisfies((problem) -> assertThat(problem.action()).contains("openssl rand -base64 32"));
		assertThat(dataDir.resolve("keys")).doesNotExist();
	}

}
