package io.clientele.storefront;

import java.util.Map;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

import io.clientele.shared.Violation;

/** Puts rule violations on a form: at the field they concern, else at the top. */
final class FormErrors {

	private FormErrors() {
	}

	/**
	 * @param fields the violation fields the form shows, each with the name of its form
	 * field
	 */
	static void reject(BindingResult result, Iterable<Violation> violations, Map<String, String> fields) {
		for (var violation : violations) {
			var arguments = violation.arguments().stream().map(FormErrors::resolvable).toArray();
			var field = fields.get(violation.field());
			if (field != null) {
				result.rejectValue(field, violation.messageKey(), arguments, violation.messageKey());
			}
			else {
				result.reject(violation.messageKey(), arguments, violation.messageKey());
			}
		}
	}

	static void reject(BindingResult result, Iterable<Violation> violations, Set<String> sameNamedFields) {
		reject(result, violations, sameNamedFields.stream().collect(java.util.stream.Collectors.toMap(f -> f, f -> f)));
	}

	// An argument that is itself a message key (a strength level) is shown in the page's
	// language.
	private static Object resolvable(Object argument) {
		return argument instanceof String text && text.startsWith("password.strength.")
				? new DefaultMessageSourceResolvable(text) : argument;
	}

}
