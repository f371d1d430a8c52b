package io.clientele;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Every message exists in English and German, and no template holds text of its own. */
class I18nPropertiesSyncTests {

	static final Path MESSAGES = Path.of("src/main/resources/messages");

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyMessageKeyExistsInEveryLanguage() throws IOException {
		for (var bundle : List.of("storefront", "mail", "backoffice")) {
			var english = load(MESSAGES.resolve(bundle + ".properties"));
			var german = load(MESSAGES.resolve(bundle + "_de.properties"));

			assertThat(german.stringPropertyNames()).as(bundle + "_de")
				.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
			assertThat(german.values()).as("no empty German message").noneMatch(v -> v.toString().isBlank());
		}
	}

	@Test
	void noMessageKeyIsDefinedTwice() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				var keys = Files.readAllLines(file)
					.stream()
					.filter(line -> line.contains("=") && !line.startsWith("#"))
					.map(line -> line.substring(0, line.indexOf('=')).strip())
					.toList();

				assertThat(keys).as(file.getFileName().toString()).doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void templatesHoldNoLiteralTextOutsideMessageKeys() throws IOException {
		var literals = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var document = Jsoup.parse(Files.readString(file));
				for (var element : document.getAllElements()) {
					var replaced = element.hasAttr("th:text") || element.hasAttr("th:utext")
							|| element.hasAttr("th:errors") || element.hasAttr("th:replace");
					if (!replaced && !element.ownText().isBlank()) {
						literals.add(TEMPLATES.relativize(file) + ": <" + element.tagName() + "> " + element.ownText());
					}
				}
			}
		}

		assertThat(literals).isEmpty();
	}

	@Test
	void pagesHoldNoInlineStylesTheContentSecurityPolicyWouldBlock() throws IOException {
		var inline = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			// mails are read in mail clients, where inline styles are the norm
			for (var file : files
				.filter(f -> f.toString().endsWith(".html") && !f.startsWith(TEMPLATES.resolve("mail")))
				.toList()) {
				for (var element : Jsoup.parse(Files.readString(file)).getAllElements()) {
					if (element.hasAttr("style") || element.tagName().equals("style")) {
						inline.add(TEMPLATES.relativize(file) + ": <" + element.tagName() + ">");
					}
				}
			}
		}

		assertThat(inline).isEmpty();
	}

	private static Properties load(Path file) throws IOException {
		var properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

}
