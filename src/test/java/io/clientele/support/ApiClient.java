package io.clientele.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** An app calling the REST API over real HTTP. */
public class ApiClient {

	public static final String JSON_API = "application/vnd.api+json";

	private final String baseUrl;

	private final HttpClient http;

	public ApiClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * An app on another machine: its requests come from the given loopback address (see
	 * {@link Shoppers#uniqueClientAddress()}), for limits per client address.
	 */
	public ApiClient(int port, java.net.InetAddress from) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).localAddress(from).build();
	}

	/** Logs in through {@code POST /api/access-tokens} and returns the access token. */
	public String accessToken(String email, String password) {
		var body = "{\"data\":{\"type\":\"access-tokens\",\"attributes\":{\"username\":\"" + email
				+ "\",\"password\":\"" + password + "\"}}}";
		var answer = post("/api/access-tokens", body, null);
		var token = java.util.regex.Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(answer.body());
		if (answer.status() != 201 || !token.find()) {
			throw new AssertionError("Login failed: " + answer.status() + " " + answer.body());
		}
		return token.group(1);
	}

	public Answer get(String path, @Nullable String token) {
		return send("GET", path, null, JSON_API, token);
	}

	public Answer post(String path, String json, @Nullable String token) {
		return send("POST", path, json, JSON_API, token);
	}

	public Answer patch(String path, String json, @Nullable String token) {
		return send("PATCH", path, json, JSON_API, token);
	}

	public Answer delete(String path, @Nullable String token) {
		return send("DELETE", path, null, JSON_API, token);
	}

	/** Sends the JSON:API request with further headers, such as {@code X-MFA-Code}. */
	public Answer call(String method, String path, @Nullable String json, @Nullable String token,
			Map<String, String> headers) {
		return send(method, path, json, JSON_API, token, headers);
	}

	public Answer send(String method, String path, @Nullable String body, String contentType, @Nullable String token) {
		return send(method, path, body, contentType, token, Map.of());
	}

	/** Sends the request with further headers. */
	public Answer send(String method, String path, @Nullable String body, String contentType, @Nullable String token,
			Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", JSON_API);
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What the API answered. */
	public record Answer(int status, String body, Map<String, List<String>> headers) {

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

	}

}
