package io.clientele.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.clientele.support.Accounts;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * An attacker times wrong-password logins over HTTP to learn which addresses have an
 * account, and which of them still hold an imported hash: every path runs the same hash
 * operations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginTimingIntegrationTests {

	static final String IMPORTED_BCRYPT = LoginTimingTests.IMPORTED_BCRYPT;

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	PasswordHashing hashing;

	@Autowired
	ForeignDecoys decoys;

	@Autowired
	JdbcClient jdbc;

	final List<String> operations = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopCounting() {
		hashing.recordOperations(kind -> {
		});
	}

	@Test
	void timingAWrongPasswordTellsNeitherWhetherTheAddressHasAnAccountNorWhetherItsHashIsImported() {
		var nativeAccount = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, nativeAccount);
		var importedAccount = Shoppers.uniqueEmail();
		var imported = Accounts.confirmedCustomer(signUp, importedAccount);
		jdbc.sql("update credentials_password set hash = ?, imported = true where owner_id = ?")
			.params(IMPORTED_BCRYPT, imported.id().value())
			.update();
		decoys.forget();
		hashing.recordOperations(operations::add);

		var unknown = costOfLogin("nobody-" + nativeAccount);
		var argon2id = costOfLogin(nativeAccount);
		var bcrypt = costOfLogin(importedAccount);

		var decoy = decoys.current();
		assertThat(decoy).as("an imported hash is in use").isNotNull();
		assertThat(unknown).containsExactlyInAnyOrder(PasswordHashing.ARGON2ID, ForeignHashes.shape(decoy));
		assertThat(argon2id).containsExactlyInAnyOrderElementsOf(unknown);
		assertThat(bcrypt).as("its own bcrypt, then the argon2id decoy")
			.containsExactlyInAnyOrder(ForeignHashes.shape(IMPORTED_BCRYPT), PasswordHashing.ARGON2ID);
		assertThat(ForeignHashes.shape(decoy)).as("the decoy takes the most common imported shape")
			.isEqualTo(mostCommonImportedShape());
	}

	private List<String> costOfLogin(String email) {
		var browser = new WebClient(port);
		browser.get("/login");
		operations.clear();
		var answer = browser.post("/login", java.util.Map.of("email", email, "password", "a-wrong-password-9"));
		assertThat(answer.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		return new ArrayList<>(operations);
	}

	private String mostCommonImportedShape() {
		var sample = jdbc
			.sql("select hash from credentials_password where imported and hash not like '$argon2id$%' limit ?")
			.param(ForeignDecoys.SAMPLE)
			.query(String.class)
			.list();
		return sample.stream()
			.collect(java.util.stream.Collectors.groupingBy(ForeignHashes::shape,
					java.util.stream.Collectors.counting()))
			.entrySet()
			.stream()
			.max(java.util.Map.Entry.<String, Long>comparingByValue()
				.thenComparing(java.util.Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
	}

}
