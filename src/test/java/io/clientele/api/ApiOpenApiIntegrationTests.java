package io.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/openapi.json} describes every API operation there is, each with a summary.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiOpenApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiOperationIsDescribed() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		var paths = json.readTree(response.body()).get("paths");
		var undocumented = new ArrayList<String>();
		var checked = new ArrayList<String>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().equals("io.clientele.api")
					|| handler.getMethod().isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)) {
				return;
			}
			for (var path : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					checked.add(method + " " + path);
					var operation = paths.get(path) == null ? null : paths.get(path).get(method.name().toLowerCase());
					if (operation == null || operation.get("summary") == null) {
						undocumented.add(method + " " + path);
					}
				}
			}
		});

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(checked).hasSizeGreaterThanOrEqualTo(24);
		assertThat(undocumented).isEmpty();
		assertThat(paths.has("/api/**")).isFalse();
	}

	@Test
	void theProtectedOperationsDocumentTheSecondFactorsHeader() throws Exception {
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		var paths = json.readTree(response.body()).get("paths");
		var withHeader = new ArrayList<String>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			var parameters = operation.getValue().get("parameters");
			if (parameters != null && parameters.valueStream()
				.anyMatch(p -> "X-MFA-Code".equals(p.path("name").asString())
						&& "header".equals(p.path("in").asString()))) {
				withHeader.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}));

		assertThat(withHeader).containsExactlyInAnyOrderElementsOf(ApiDocumentation.SECOND_FACTOR);
		assertThat(paths.path("/api/multi-factor-auth-types").path("get").path("summary").asString())
			.contains("second-factor methods");
	}

}
