package io.clientele.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTests {

	static String addressOfLength(int length) {
		var domain = "@example.com";
		return "a".repeat(length - domain.length()) + domain;
	}

	@Test
	void acceptsAddressOfExactlyOneHundredCharacters() {
		assertThat(EmailAddress.problemWith(addressOfLength(100))).isEmpty();
	}

	@Test
	void rejectsAddressOfOneHundredAndOneCharacters() {
		assertThat(EmailAddress.problemWith(addressOfLength(101))).contains("email.too-long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "plainaddress", "@example.com", "ann@", "ann@example", "ann@@example.com",
			"ann example@example.com", "ann.@example.com", "ann..lee@example.com", "ann@-example.com",
			"<script>@example.com", "ann@example.com\n" + "bcc@evil.com" })
	void rejectsMalformedAddresses(String candidate) {
		assertThat(EmailAddress.problemWith(candidate)).contains("email.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void requiresAnAddress(String candidate) {
		assertThat(EmailAddress.problemWith(candidate)).contains("email.required");
	}

	@Test
	void keepsTheCaseAsEnteredButComparesWithoutIt() {
		var entered = EmailAddress.of("  Ann.Lee@Example.COM ");

		assertThat(entered.value()).isEqualTo("Ann.Lee@Example.COM");
		assertThat(entered.sameAs(EmailAddress.of("ann.lee@example.com"))).isTrue();
		assertThat(entered.localPart()).isEqualTo("Ann.Lee");
	}

	@Test
	void refusesToBeCreatedFromAnInvalidAddress() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("not-an-address"));
	}

	@Test
	void neverPrintsTheAddressItself() {
		assertThat(EmailAddress.of("ann@example.com").toString()).doesNotContain("ann");
	}

}
