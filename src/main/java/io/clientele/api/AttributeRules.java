package io.clientele.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.clientele.credentials.PasswordPolicy;

import tools.jackson.databind.JsonNode;

/**
 * Glue's request validation (code 901): each broken rule becomes
 * {@code "<field> => <message>"} in Symfony Validator's wording, every field checked.
 */
final class AttributeRules {

	// Symfony's Email constraint in its default (html5) mode
	private static final Pattern EMAIL = Pattern.compile(
			"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$");

	private final JsonNode attributes;

	private final List<GlueError> errors = new ArrayList<>();

	AttributeRules(JsonNode attributes) {
		this.attributes = attributes;
	}

	/** A field that must be present. */
	Field required(String name) {
		var value = attributes.get(name);
		if (value == null) {
			errors.add(GlueError.validation(name, "This field is missing."));
			return new Field(name, null, true);
		}
		return new Field(name, value, false);
	}

	/** A field that may be absent; when present its rules apply. */
	Field optional(String name) {
		var value = attributes.get(name);
		return new Field(name, value, value == null);
	}

	/** Throws the collected violations, if any. */
	void check() {
		if (!errors.isEmpty()) {
			throw new GlueException(errors);
		}
	}

	boolean has(String name) {
		return attributes.get(name) != null;
	}

	@Nullable String text(String name) {
		var value = attributes.get(name);
		return value != null && value.isString() ? value.stringValue() : null;
	}

	String textOrEmpty(String name) {
		var text = text(name);
		return text == null ? "" : text;
	}

	@Nullable Boolean bool(String name) {
		var value = attributes.get(name);
		return value != null && value.isBoolean() ? value.booleanValue() : null;
	}

	/** The rules of one field; after the first broken rule the others are skipped. */
	final class Field {

		private final String name;

		private final @Nullable JsonNode value;

		private boolean settled;

		private Field(String name, @Nullable JsonNode value, boolean settled) {
			this.name = name;
			this.value = value;
			this.settled = settled;
		}

		private boolean fail(String message) {
			errors.add(GlueError.validation(name, message));
			settled = true;
			return false;
		}

		private @Nullable String string() {
			if (settled || value == null) {
				return null;
			}
			if (value.isNull()) {
				return "";
			}
			if (!value.isString()) {
				fail("This value should be of type string.");
				return null;
			}
			return value.stringValue();
		}

		Field notBlank() {
			var text = string();
			if (text != null && text.isBlank()) {
				fail("This value should not be blank.");
			}
			return this;
		}

		Field email() {
			var text = string();
			if (text != null && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
				fail("This value is not a valid email address.");
			}
			return this;
		}

		Field length(int min, int max) {
			var text = string();
			if (text == null) {
				return this;
			}
			var length = text.codePointCount(0, text.length());
			if (length < min) {
				fail("This value is too short. It should have " + min + " character" + (min == 1 ? "" : "s")
						+ " or more.");
			}
			else if (length > max) {
				fail("This value is too long. It should have " + max + " character" + (max == 1 ? "" : "s")
						+ " or less.");
			}
			return this;
		}

		Field maxLength(int max) {
			return length(0, max);
		}

		/**
		 * Glue's length check of a new password, from the policy's settings: at least the
		 * fewest characters any account may have (with a second factor), at most the
		 * policy's maximum. The policy then names the minimum that applies to the account
		 * (code 418).
		 */
		Field passwordLength(PasswordPolicy policy) {
			return length(policy.lowestMinLength(), policy.maxLength());
		}

		Field noneOf(Pattern forbidden) {
			var text = string();
			if (text != null && forbidden.matcher(text).find()) {
				fail("This value is not valid.");
			}
			return this;
		}

		Field choice(Set<String> choices) {
			var text = string();
			if (text != null && !choices.contains(text)) {
				fail("The value you selected is not a valid choice.");
			}
			return this;
		}

		Field date() {
			var text = string();
			if (text != null && !text.isEmpty()) {
				try {
					LocalDate.parse(text);
				}
				catch (DateTimeParseException ex) {
					fail("This value is not a valid date.");
				}
			}
			return this;
		}

		Field bool() {
			if (!settled && value != null && !value.isBoolean()) {
				fail("This value should be of type bool.");
			}
			return this;
		}

		Field isTrue() {
			if (!settled && value != null && !(value.isBoolean() && value.booleanValue())) {
				fail("This value should be true.");
			}
			return this;
		}

	}

}
