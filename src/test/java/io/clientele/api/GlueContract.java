package io.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONException;
import org.skyscreamer.jsonassert.Customization;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.RegularExpressionValueMatcher;
import org.skyscreamer.jsonassert.comparator.CustomComparator;

import io.clientele.support.ApiClient;

/** Whole-body comparison of Glue answers; values that vary are matched by pattern. */
final class GlueContract {

	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

	static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

	static final String OPAQUE_TOKEN = "[A-Za-z0-9_-]{43}";

	static final String REFERENCE = "DE--\\d+";

	private GlueContract() {
	}

	/** The answer has this status, Glue's media type, and exactly this body. */
	static void assertAnswer(ApiClient.Answer answer, int status, String expectedBody, Customization... patterns) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.api+json"));
		try {
			JSONAssert.assertEquals(expectedBody, answer.body(),
					new CustomComparator(JSONCompareMode.STRICT, patterns));
		}
		catch (JSONException ex) {
			throw new AssertionError("Not JSON: " + answer.body(), ex);
		}
	}

	static void assertError(ApiClient.Answer answer, int status, String code, String detail) {
		assertAnswer(answer, status, """
				{"errors":[{"code":"%s","status":%d,"detail":"%s"}]}""".formatted(code, status, detail));
	}

	static Customization pattern(String path, String regex) {
		return new Customization(path, new RegularExpressionValueMatcher<>(regex));
	}

}
