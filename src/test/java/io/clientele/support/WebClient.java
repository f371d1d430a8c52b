package io.clientele.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the rendering: real HTTP against the running application,
 * with cookies, no automatic redirects, and forms posted with the CSRF token of the last
 * page.
 */
public class WebClient {

	// the token of a form field or of the page's meta tag
	private static final Pattern CSRF = Pattern.compile("(name=\"_csrf\" (?:value|content)=\")([^\"]+)(\")");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String acceptLanguage = "en-US,en;q=0.9";

	private String lastCsrfToken = "";

	public WebClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * A browser on another machine: its requests come from the given loopback address
	 * (see {@link Shoppers#uniqueClientAddress()}), for limits per client address.
	 */
	public WebClient(int port, java.net.InetAddress from) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.localAddress(from)
			.build();
	}

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	/** A header sent with every later request, as a proxy or a forging client adds it. */
	public WebClient header(String name, String value) {
		extraHeaders.put(name, value);
		return this;
	}

	public WebClient acceptLanguage(String acceptLanguage) {
		this.acceptLanguage = acceptLanguage;
		return this;
	}

	public Page get(String path) {
		return send(request(path).GET().build());
	}

	/** Posts the form with the CSRF token of the last page fetched. */
	public Page post(String path, Map<String, String> fields) {
		var withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", lastCsrfToken);
		return postWithoutCsrfToken(path, withToken);
	}

	public Page postWithoutCsrfToken(String path, Map<String, String> fields) {
		var body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Uploads a file as the browser's upload form does (multipart), with the fields and
	 * the CSRF token of the last page.
	 */
	public Page upload(String path, Map<String, String> fields, String fileName, byte[] content) {
		var withToken = new LinkedHashMap<>(fields);
		withToken.putIfAbsent("_csrf", lastCsrfToken);
		var boundary = "clientele-" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		withToken.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Follows one redirect of the given page, if it is one. */
	public Page follow(Page page) {
		return get(page.location().orElseThrow(() -> new AssertionError("Not a redirect: " + page.status())));
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(c -> c.getValue())
			.findFirst();
	}

	/** Logs in through the login form and returns the answer to the POST. */
	public Page logIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("email", email, "password", password));
	}

	private HttpRequest.Builder request(String path) {
		var uri = path.startsWith("http") ? URI.create(path) : URI.create(baseUrl + path);
		var request = HttpRequest.newBuilder(uri)
			.header("Accept-Language", acceptLanguage)
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		extraHeaders.forEach(request::header);
		return request;
	}

	private Page send(HttpRequest request) {
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			var page = new Page(response.statusCode(), response.body(), response.headers().map());
			var token = CSRF.matcher(page.body());
			if (token.find()) {
				lastCsrfToken = token.group(2);
			}
			return page;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** An answer of the application. */
	public record Page(int status, String body, Map<String, java.util.List<String>> headers) {

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		public java.util.List<String> headerValues(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.toList();
		}

		public Optional<String> location() {
			return header("Location");
		}

		/** The body with the per-request CSRF token blanked, for comparing two pages. */
		public String bodyWithoutCsrfToken() {
			return CSRF.matcher(body).replaceAll("$1$3");
		}

	}

}
