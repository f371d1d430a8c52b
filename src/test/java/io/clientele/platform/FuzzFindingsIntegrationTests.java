package io.clientele.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.clientele.credentials.SignUp;
import io.clientele.staff.StaffAccounts;
import io.clientele.support.Accounts;
import io.clientele.support.ApiClient;
import io.clientele.support.BackofficeLogins;
import io.clientele.support.Shoppers;
import io.clientele.support.WebClient;

/**
 * The requests the fuzz ({@link FuzzIntegrationTests}) found answered with a server error
 * or in the wrong format, each named after its input, answered as they are now.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FuzzFindingsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SignUp signUp;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void getErrorItselfIsNotFoundNotAServerError() {
		var answer = send(request("/error").GET().header("Accept", "text/html"));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertPage(answer);
	}

	@Test
	void anUnreadableAcceptHeaderOnTheTokenEndpointGetsGluesEnvelopeNotAnEmpty400() {
		var answer = send(request("/api/token")
			.POST(HttpRequest.BodyPublishers.ofString("password=x&username=3073362816331648254"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "garbage"));

		assertThat(answer.statusCode()).isEqualTo(406);
		assertGlueError(answer, 406);
	}

	@Test
	void apiPathWithADotSegmentGetsGluesEnvelopeFromTheFirewall() {
		var answer = send(request("/api/.").method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/vnd.api+json"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertGlueError(answer, 400);
	}

	@Test
	void apiPathWithAnEncodedSlashGetsGluesEnvelopeFromTomcat() {
		var answer = send(request("/api/orders/%2F").GET().header("Accept", "application/vnd.api+json"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertGlueError(answer, 400);
	}

	@Test
	void apiPathWithAnEncodedNulGetsGluesEnvelopeFromTomcat() {
		var answer = send(request("/api/customers/%00/orders").GET());

		assertThat(answer.statusCode()).isEqualTo(400);
		assertGlueError(answer, 400);
	}

	@Test
	void pagePathWithADotSegmentIsAnHtmlPageEvenForAJsonClient() {
		var answer = send(request("/login/code/send/./").POST(HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertPage(answer);
	}

	@Test
	void putFormBodyWithAStrayPercentIsRefusedWith400() {
		var answer = send(request("/backoffice/customers/import/%7B%7D")
			.PUT(HttpRequest.BodyPublishers.ofString("name=%27%29%3B%20DELETE%20FROM%20customer%3B%20--%"))
			.header("Content-Type", "application/x-www-form-urlencoded"));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertPage(answer);
	}

	@Test
	void newCustomerFormWithSendLinkDollarOneIsRefusedWith400AndCreatesNoCustomer() {
		var admin = BackofficeLogins.signedInAdmin(port, staff);
		admin.get("/backoffice/customers/new");
		var email = Shoppers.uniqueEmail();

		var answer = admin.post("/backoffice/customers", Map.of("salutation", "Ms", "firstName", "Ann", "lastName",
				"Lee", "email", email, "locale", "en_US", "sendLink", "$1"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("<html").doesNotContain("Exception");
		assertThat(jdbc.queryForObject("select count(*) from customer where email = ?", Long.class, email)).isZero();
	}

	@Test
	void groupDescriptionWithANulByteIsRefusedWith400AndCreatesNoGroup() {
		var admin = BackofficeLogins.signedInAdmin(port, staff);
		admin.get("/backoffice/groups");
		var name = "Fuzz " + Shoppers.uniqueEmail();

		var answer = admin.post("/backoffice/groups", Map.of("name", name, "description", "a\u0000b"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(jdbc.queryForObject("select count(*) from groups_group where name = ?", Long.class, name)).isZero();
	}

	@Test
	void apiAddressWithAnEscapedNulInTheCityIsPostDataInvalid() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var api = new ApiClient(port);
		var token = api.accessToken(email, Shoppers.PASSWORD);

		var answer = api.post("/api/customers/" + customer.reference().value() + "/addresses", """
				{"data":{"type":"addresses","attributes":{"salutation":"Ms","firstName":"Ann","lastName":"Lee",\
				"address1":"Main Street","address2":"1","zipCode":"10115","city":"Ber\\u0000lin","iso2Code":"DE"}}}""",
				token);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo("{\"errors\":[{\"status\":400,\"detail\":\"Post data is invalid.\"}]}");
		assertThat(jdbc.queryForObject("select count(*) from address_entry where city like 'Ber%lin'", Long.class))
			.isZero();
	}

	@Test
	void passkeyOptionsAskedForAsPngAreRefusedBeforeAUserHandleIsMade() {
		var email = Shoppers.uniqueEmail();
		var customer = Accounts.confirmedCustomer(signUp, email);
		var session = signedInCustomer(email);

		var answer = send(request("/customer/passkeys/options").POST(HttpRequest.BodyPublishers.noBody())
			.header("Cookie", session.cookie())
			.header("X-CSRF-TOKEN", session.csrf())
			.header("Accept", "image/png"));

		assertThat(answer.statusCode()).isEqualTo(406);
		assertPage(answer);
		assertThat(jdbc.queryForObject("select count(*) from passkeys_account where customer_id = ?", Long.class,
				customer.id().value()))
			.isZero();
	}

	@Test
	void passkeyFormAsMultipartWithoutABoundaryIsRefusedWith400() {
		var email = Shoppers.uniqueEmail();
		Accounts.confirmedCustomer(signUp, email);
		var session = signedInCustomer(email);

		var answer = send(
				request("/customer/passkeys").POST(HttpRequest.BodyPublishers.ofString("name=Lee&response=-1"))
					.header("Content-Type", "multipart/form-data")
					.header("Cookie", session.cookie())
					.header("X-CSRF-TOKEN", session.csrf()));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertPage(answer);
	}

	private record Session(String cookie, String csrf) {
	}

	private Session signedInCustomer(String email) {
		var browser = new WebClient(port);
		browser.logIn(email, Shoppers.PASSWORD);
		var cookie = "SESSION=" + browser.cookie("SESSION").orElseThrow();
		var page = send(request("/customer/passkeys").GET().header("Cookie", cookie));
		var token = java.util.regex.Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"")
			.matcher(page.body());
		assertThat(token.find()).as("the page's CSRF token").isTrue();
		return new Session(cookie, token.group(1));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertGlueError(HttpResponse<String> answer, int status) {
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.api+json"));
		assertThat(answer.body()).startsWith("{\"errors\":[{\"status\":" + status + ",\"detail\":\"");
	}

	private static void assertPage(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("<html").doesNotContain("Exception").doesNotContain("\tat ");
	}

}
