package io.clientele.platform;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import java.util.function.Function;

import org.instancio.Instancio;
import org.instancio.generator.ValueSpec;
import org.instancio.generators.ValueSpecs;
import org.instancio.settings.Keys;

import io.clientele.platform.Endpoints.Endpoint;

/**
 * Malformed requests for an endpoint, drawn from Instancio's generators with a seeded
 * random (the same seed gives the same requests): wrong types, huge values, broken JSON,
 * invalid UTF-8, missing and duplicate fields, wrong methods and media types, path
 * traversal and SQL/HTML/template meta-characters in every field, each kind of caller.
 */
final class MalformedRequests {

	static final String JSON_API = "application/vnd.api+json";

	static final String FORM = "application/x-www-form-urlencoded";

	/** Who sends a request, and with which proof. */
	enum Caller {

		ANONYMOUS, CUSTOMER, STAFF

	}

	enum Csrf {

		VALID, MISSING, WRONG

	}

	enum Bearer {

		NONE, VALID, GARBAGE

	}

	/** A request to send, and in words what is malformed in it. */
	record Request(Endpoint endpoint, String method, String path, Map<String, String> headers, byte[] body,
			Caller caller, Csrf csrf, boolean csrfInBody, Bearer bearer, String input) {

		@Override
		public String toString() {
			return method + " " + shorten(path) + " as " + caller + " csrf=" + csrf + " bearer=" + bearer + " " + input;
		}

	}

	/**
	 * Values the application knows, so that some requests reach deep into the handlers.
	 */
	record Known(String customerReference, String customerEmail, String victimReference, String password) {
	}

	private static final List<String> META_CHARACTERS = List.of("'", "\"", "' OR '1'='1", "' OR 1=1 --",
			"1; DROP TABLE customer; --", "'); DELETE FROM customer; --", "\\", "%", "_", "%%", "$1",
			"' || pg_sleep(5) --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"</textarea><svg onload=alert(1)>", "javascript:alert(1)", "&amp;&lt;&#0;", "{{7*7}}", "${7*7}", "#{7*7}",
			"[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "*{T(java.lang.System).exit(0)}",
			"../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "..%2f..%2fetc%2fpasswd", "/etc/passwd\u0000.png",
			"\u0000", "\r\nSet-Cookie: injected=1", "\n", "null", "undefined", "NaN", "-1", "0", "-0",
			"9223372036854775808", "-9223372036854775809", "1e309", "0x7fffffff", "true", "[]", "{}", "\uFEFF",
			"\u202Egnp.exe", "\uD83D\uDE00", "\uD800", "\uDFFF", "Ａｄｍｉｎ", "ß", "İ", " ", "\t", "   ", "a@b", "@",
			"a@b@c.de", "ann@example.com'--", "DE--0", "DE--99999999999999999999", "DE--", "--",
			"00000000-0000-0000-0000-000000000000", "not-a-uuid", "2024-02-30", "9999-12-31", "0000-00-00",
			"1900-01-01T00:00:00Z", "de_DE_x", "xx", "zz_ZZ");

	/** Any code points of any Unicode block, empty too. */
	private static final Function<ValueSpecs, ValueSpec<String>> UNICODE = gen -> gen.string()
		.unicode()
		.allowEmpty()
		.maxLength(40);

	private static final List<String> ODD_NUMBERS = List.of("1e309", "-0", "0x10", "1_000", "١٢٣", "+1", "NaN",
			"Infinity", "2147483648", "-2147483649", "9223372036854775808", "0.1e-400");

	/** Written into a path segment as they are (already URL syntax). */
	private static final List<String> RAW_SEGMENTS = List.of("..", ".", "%2e%2e", "%2e%2e%2f%2e%2e%2f",
			"..%2f..%2f..%2fetc%2fpasswd", "%2F", "%5C", "%00", "%FF", "%C3%28", "%ED%A0%80", "%", "%zz", "a;b",
			";jsessionid=0", "..;", "%252e%252e", "%u002e", "%0d%0aSet-Cookie:x=1", "~", "a%20b", "%3Cscript%3E");

	private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] { (byte) 0xFF },
			new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
			new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { 0x00 },
			new byte[] { (byte) 0xFE, (byte) 0xFF });

	private static final List<String> PERCENT_INVALID_UTF8 = List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%E2%82",
			"%00", "%", "%z", "%%", "%FE%FF");

	private static final List<String> WRONG_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"HEAD", "PROPFIND", "FOO");

	/**
	 * Usually Glue's media type, sometimes another or a malformed one ("" sends none).
	 */
	private static final List<String> ODD_API_MEDIA_TYPES = List.of("text/plain", FORM, "multipart/form-data",
			"application/xml", "application/vnd.api+json; charset=ISO-8859-1",
			"application/vnd.api+json; charset=bogus", "application/vnd.api+json; ext=\"https://x\"", "garbage", "/",
			"application/", "*/*", "application/json;;;", "text/html; charset=utf-16", "");

	private static final List<String> ODD_PAGE_MEDIA_TYPES = List.of(FORM + "; charset=ISO-8859-1",
			FORM + "; charset=bogus", "multipart/form-data", "multipart/form-data; boundary=",
			"multipart/form-data; boundary=x", "text/plain", "application/json", JSON_API, "garbage", "/", "");

	private static final List<String> ODD_ACCEPTS = List.of("text/html", "application/xml", "application/json", "*/*",
			"garbage", "image/png", "text/event-stream", "application/vnd.api+json;q=x");

	private static final List<String> COMMON_ATTRIBUTES = List.of("salutation", "firstName", "lastName", "email",
			"gender", "password", "confirmPassword", "newPassword", "acceptedTerms", "dateOfBirth", "username",
			"refreshToken", "registrationKey", "restorePasswordKey", "address1", "address2", "address3", "zipCode",
			"city", "country", "iso2Code", "company", "phone", "isDefaultBilling", "isDefaultShipping", "type", "code",
			"status", "reference", "locale", "grant_type", "client_id");

	private final Random random;

	private final Known known;

	MalformedRequests(long seed, Known known) {
		this.random = new Random(seed);
		this.known = known;
	}

	/** A value of Instancio's generator, seeded from this run's random. */
	private <T> T draw(Function<ValueSpecs, ValueSpec<T>> spec) {
		return spec.apply(Instancio.gen().withSetting(Keys.SEED, random.nextLong())).get();
	}

	private <T> T oneOf(List<T> values) {
		return draw(gen -> gen.oneOf(values));
	}

	private String huge() {
		var weight = random.nextInt(24);
		var length = weight < 20 ? draw(gen -> gen.ints().range(101, 5_000)) : weight < 23
				? draw(gen -> gen.ints().range(5_000, 200_000)) : draw(gen -> gen.ints().range(1_048_576, 1_300_000));
		return "A".repeat(length);
	}

	private String number() {
		return switch (random.nextInt(3)) {
			case 0 -> String.valueOf(random.nextLong());
			case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(-20, 20)));
			default -> oneOf(ODD_NUMBERS);
		};
	}

	private String apiMediaType() {
		var weight = random.nextInt(17);
		return weight < 12 ? JSON_API : weight < 16 ? "application/json" : oneOf(ODD_API_MEDIA_TYPES);
	}

	private String pageMediaType() {
		return random.nextInt(13) < 12 ? FORM : oneOf(ODD_PAGE_MEDIA_TYPES);
	}

	private String accept() {
		return random.nextInt(11) < 10 ? "" : oneOf(ODD_ACCEPTS);
	}

	private boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/**
	 * A malformed request to the endpoint; the example is the endpoint's documented
	 * JSON:API request if it has one.
	 */
	Request next(Endpoint endpoint, String example) {
		var method = chance(0.2) ? pick(WRONG_METHODS) : endpoint.method();
		var path = path(endpoint);
		var headers = new LinkedHashMap<String, String>();
		var accept = accept();
		headers.put("Accept", accept.isEmpty() ? (endpoint.api() ? JSON_API : "text/html,*/*;q=0.8") : accept);
		byte[] body = null;
		String input;
		if (endpoint.api()) {
			var json = apiBody(endpoint, example);
			input = json.input();
			if (!method.equals("GET") && !method.equals("HEAD") || chance(0.1)) {
				body = json.bytes();
				var type = apiMediaType();
				if (endpoint.formUrlEncoded() && chance(0.6)) {
					var form = formBody(Map.of("grant_type", String.class, "username", String.class, "password",
							String.class, "refresh_token", String.class, "client_id", String.class));
					body = form.bytes();
					input = form.input();
					type = chance(0.9) ? FORM : apiMediaType();
				}
				if (!type.isEmpty()) {
					headers.put("Content-Type", type);
				}
			}
			if (chance(0.1)) {
				headers.put("X-MFA-Code", asHeader(value("code", String.class)));
			}
		}
		else {
			if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") && chance(0.5)) {
				var query = formBody(endpoint.fields());
				var separator = path.contains("?") ? "&" : "?";
				path = query.bytes().length == 0 || query.bytes().length > 6000 ? path
						: path + separator + new String(query.bytes(), StandardCharsets.ISO_8859_1);
				input = query.input();
			}
			else if (endpoint.upload() && chance(0.7)) {
				var boundary = "fuzz" + random.nextInt(1_000_000);
				var upload = multipart(boundary, endpoint.fields());
				body = upload.bytes();
				input = upload.input();
				headers.put("Content-Type",
						chance(0.85) ? "multipart/form-data; boundary=" + boundary : pageMediaType());
			}
			else {
				var form = chance(0.9) ? formBody(endpoint.fields()) : apiBody(endpoint, example);
				body = form.bytes();
				input = form.input();
				var type = pageMediaType();
				if (!type.isEmpty()) {
					headers.put("Content-Type", type);
				}
			}
		}
		var caller = caller(endpoint);
		var csrf = chance(0.7) ? Csrf.VALID : chance(0.5) ? Csrf.MISSING : Csrf.WRONG;
		var bearer = chance(0.6) ? Bearer.VALID : chance(0.5) ? Bearer.NONE : Bearer.GARBAGE;
		// a form carries its token as a field, as the pages' forms do; a script as a
		// header
		return new Request(endpoint, method, path, headers, body, caller, csrf, chance(0.5), bearer, input);
	}

	private Caller caller(Endpoint endpoint) {
		if (endpoint.backoffice()) {
			return chance(0.75) ? Caller.STAFF : chance(0.5) ? Caller.CUSTOMER : Caller.ANONYMOUS;
		}
		if (endpoint.pattern().startsWith("/customer")) {
			return chance(0.75) ? Caller.CUSTOMER : chance(0.5) ? Caller.STAFF : Caller.ANONYMOUS;
		}
		return chance(0.5) ? Caller.ANONYMOUS : chance(0.5) ? Caller.CUSTOMER : Caller.STAFF;
	}

	private String path(Endpoint endpoint) {
		var path = endpoint.pattern();
		for (var variable : endpoint.pathVariables().entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", segment(variable.getKey(), variable.getValue()));
		}
		// a mapping like /api/** ends in a pattern of its own
		path = path.replace("/**", "/" + segment("rest", String.class)).replace("{*rest}", "x");
		if (chance(0.05)) {
			path = path + pick(List.of("/", "//", "/..", "/..;/backoffice", "/%2e%2e/", "/./", "/.%2e/", ".json",
					";x=1", "%20", "%00", "/" + oneOf(RAW_SEGMENTS)));
		}
		return path;
	}

	private String segment(String name, Class<?> type) {
		var kind = random.nextInt(10);
		if (kind < 3) {
			return encode(valid(name, type));
		}
		if (kind < 5) {
			return oneOf(RAW_SEGMENTS);
		}
		if (kind < 8) {
			return encode(oneOf(META_CHARACTERS));
		}
		if (kind < 9) {
			return encode(draw(UNICODE));
		}
		return "A".repeat(random.nextInt(100, 9_000));
	}

	/** A value the handler would accept for a field of this name and type. */
	private String valid(String name, Class<?> type) {
		var lower = name.toLowerCase(Locale.ROOT);
		if (type == UUID.class || lower.equals("id") || lower.endsWith("id") && !lower.equals("paid")) {
			return new UUID(random.nextLong(), random.nextLong()).toString();
		}
		if (type == boolean.class || type == Boolean.class || lower.startsWith("is") || lower.startsWith("accept")) {
			return chance(0.5) ? "true" : "false";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return String.valueOf(random.nextInt(0, 100));
		}
		if (lower.contains("email") || lower.equals("username")) {
			return chance(0.3) ? known.customerEmail() : "fuzz-" + random.nextInt(1_000_000) + "@example.com";
		}
		if (lower.contains("password")) {
			return chance(0.5) ? known.password() : "Fuzz-password-" + random.nextInt(1000) + "-Lantern";
		}
		if (lower.contains("reference") || lower.equals("customer")) {
			return chance(0.5) ? known.customerReference() : known.victimReference();
		}
		if (lower.contains("date") || lower.contains("birth")) {
			return "1990-0" + random.nextInt(1, 10) + "-1" + random.nextInt(0, 10);
		}
		if (lower.contains("country") || lower.contains("iso")) {
			return pick(List.of("DE", "AT", "US"));
		}
		if (lower.contains("salutation")) {
			return pick(List.of("Mr", "Ms", "Mrs", "Dr"));
		}
		if (lower.contains("locale") || lower.contains("language")) {
			return pick(List.of("de_DE", "en_US"));
		}
		if (lower.contains("code")) {
			return String.format("%06d", random.nextInt(1_000_000));
		}
		if (type.isEnum()) {
			var constants = type.getEnumConstants();
			return constants[random.nextInt(constants.length)].toString();
		}
		return pick(List.of("Ann", "Lee", "Fuzz", "Hauptstraße 1", "10115", "Berlin", "a"));
	}

	/**
	 * A value for a field: valid, a meta-character, unicode, huge, a number or nothing.
	 */
	private String value(String name, Class<?> type) {
		var kind = random.nextInt(13);
		if (kind < 4) {
			return valid(name, type);
		}
		if (kind < 7) {
			return oneOf(META_CHARACTERS);
		}
		if (kind < 9) {
			return draw(UNICODE);
		}
		if (kind < 10) {
			return huge();
		}
		if (kind < 11) {
			return number();
		}
		return kind < 12 ? "" : valid(name, type) + oneOf(META_CHARACTERS);
	}

	private record Body(byte[] bytes, String input) {
	}

	/** Fields url-encoded, some missing, some twice, some with invalid UTF-8. */
	private Body formBody(Map<String, Class<?>> fields) {
		var pairs = new ArrayList<String>();
		var input = new StringBuilder();
		var names = new ArrayList<>(fields.keySet());
		names.sort(String::compareTo);
		if (chance(0.1)) {
			names.add(pick(List.of("_method", "role", "admin", "status", "id", "__proto__", "class.module.classLoader",
					"customerForm.email", "email[]", "")));
		}
		for (var name : names) {
			var type = fields.getOrDefault(name, String.class);
			if (chance(0.15)) {
				input.append("missing ").append(name).append("; ");
				continue;
			}
			var times = chance(0.1) ? 2 : 1;
			for (var i = 0; i < times; i++) {
				var value = value(name, type);
				var encoded = encode(value);
				if (chance(0.07)) {
					encoded = encoded + oneOf(PERCENT_INVALID_UTF8);
					input.append("invalid UTF-8 in ").append(name).append("; ");
				}
				pairs.add(encode(name) + "=" + encoded);
				input.append(name).append('=').append(shorten(value)).append("; ");
			}
		}
		var text = String.join("&", pairs);
		if (chance(0.05)) {
			text = text + pick(List.of("&", "&&", "=", "&=x", "&x", "%", "&a=%"));
		}
		var bytes = new ByteArrayOutputStream();
		bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
		if (chance(0.04)) {
			bytes.writeBytes(oneOf(INVALID_UTF8));
			input.append("raw invalid UTF-8 bytes; ");
		}
		return new Body(bytes.toByteArray(), input.toString());
	}

	private Body multipart(String boundary, Map<String, Class<?>> fields) {
		var out = new ByteArrayOutputStream();
		var input = new StringBuilder("multipart; ");
		var all = new LinkedHashMap<>(fields);
		all.put("file", String.class);
		for (var field : all.entrySet()) {
			if (chance(0.15)) {
				continue;
			}
			var name = field.getKey();
			var value = name.equals("file") ? csv() : value(name, field.getValue());
			var disposition = name.equals("file")
					? "form-data; name=\"file\"; filename=\""
							+ pick(List.of("customers.csv", "../../etc/passwd", "a\".csv", "", "x.exe", "ü.csv")) + "\""
					: "form-data; name=\"" + name + "\"";
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
					+ (name.equals("file") ? "Content-Type: "
							+ pick(List.of("text/csv", "application/octet-stream", "image/png", "garbage")) + "\r\n"
							: "")
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			if (chance(0.1)) {
				out.writeBytes(oneOf(INVALID_UTF8));
			}
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			input.append(name).append('=').append(shorten(value)).append("; ");
		}
		if (chance(0.9)) {
			out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		else {
			input.append("no closing boundary; ");
		}
		return new Body(out.toByteArray(), input.toString());
	}

	private String csv() {
		var rows = new StringBuilder(pick(List.of("email,firstName,lastName\n", "reference,email\n", "", "\uFEFF")));
		var count = random.nextInt(0, 6);
		for (var i = 0; i < count; i++) {
			rows.append(value("email", String.class))
				.append(',')
				.append(oneOf(META_CHARACTERS))
				.append(',')
				.append(draw(UNICODE))
				.append(pick(List.of("\n", "\r\n", "\"", ",,,,\n", "")));
		}
		return rows.toString();
	}

	/** A JSON:API document with malformed parts, or no JSON at all. */
	private Body apiBody(Endpoint endpoint, String example) {
		var type = resourceType(endpoint, example);
		var kind = random.nextInt(20);
		var input = new StringBuilder();
		String text;
		if (kind < 11) {
			text = document(type, attributes(example), input);
		}
		else if (kind < 12) {
			text = document(oneOf(List.of("", "x", "customers", "access-tokens", "1", "<b>")), attributes(example),
					input);
			input.append("wrong type; ");
		}
		else if (kind < 15) {
			text = oneOf(List.of("", " ", "null", "true", "1", "\"data\"", "[]", "{}", "{\"data\":null}",
					"{\"data\":[]}", "{\"data\":\"x\"}", "{\"data\":{}}", "{\"data\":{\"type\":1}}",
					"{\"data\":{\"type\":null,\"attributes\":{}}}", "{\"data\":{\"type\":\"" + type + "\"}}",
					"{\"data\":{\"type\":\"" + type + "\",\"attributes\":[]}}",
					"{\"data\":{\"type\":\"" + type + "\",\"attributes\":null}}",
					"{\"data\":{\"type\":\"" + type + "\",\"attributes\":\"x\"}}", "{'data':{}}", "{data:{}}",
					"{\"data\":{\"type\":\"" + type + "\",\"attributes\":{}}}garbage", "{\"data\":{\"type\":NaN}}",
					"{\"data\":1e99999999}", "{\"data\":{\"type\":\"" + type + "\",\"attributes\":{\"a\":1}}} // x",
					"\uFEFF{\"data\":{}}", "{\"data\":{\"type\":\"" + type + "\",\"attributes\":{\"\":\"\"}}}"));
			input.append("structure; ");
		}
		else if (kind < 17) {
			var valid = document(type, attributes(example), input);
			text = valid.substring(0, random.nextInt(0, Math.max(1, valid.length())));
			input.append("truncated; ");
		}
		else if (kind < 18) {
			var depth = random.nextInt(500, 20_000);
			text = "{\"data\":" + "[".repeat(depth) + "]".repeat(chance(0.5) ? depth : 0) + "}";
			input.append("nested ").append(depth).append(" deep; ");
		}
		else if (kind < 19) {
			var attributes = attributes(example);
			var name = attributes.isEmpty() ? "email" : attributes.get(0);
			text = "{\"data\":{\"type\":\"" + type + "\",\"type\":\"x\",\"attributes\":{\"" + name + "\":\"a\",\""
					+ name + "\":" + json(name, input) + "}}}";
			input.append("duplicate keys; ");
		}
		else {
			text = draw(UNICODE);
			input.append("not JSON; ");
		}
		var bytes = new ByteArrayOutputStream();
		var encoded = text.getBytes(StandardCharsets.UTF_8);
		if (chance(0.06) && encoded.length > 2) {
			var at = random.nextInt(1, encoded.length);
			bytes.write(encoded, 0, at);
			bytes.writeBytes(oneOf(INVALID_UTF8));
			bytes.write(encoded, at, encoded.length - at);
			input.append("invalid UTF-8 bytes at ").append(at).append("; ");
		}
		else if (chance(0.02)) {
			bytes.writeBytes(text.getBytes(StandardCharsets.UTF_16));
			input.append("UTF-16; ");
		}
		else {
			bytes.writeBytes(encoded);
		}
		return new Body(bytes.toByteArray(), input + shorten(text));
	}

	private String document(String type, List<String> attributes, StringBuilder input) {
		var fields = new ArrayList<String>();
		for (var name : attributes) {
			if (chance(0.15)) {
				input.append("missing ").append(name).append("; ");
				continue;
			}
			fields.add("\"" + name + "\":" + json(name, input));
		}
		if (chance(0.1)) {
			fields.add("\"" + escape(oneOf(META_CHARACTERS)) + "\":" + json("x", input));
		}
		var id = chance(0.2) ? ",\"id\":" + json("id", input) : "";
		return "{\"data\":{\"type\":\"" + escape(type) + "\"" + id + ",\"attributes\":{" + String.join(",", fields)
				+ "}}}";
	}

	/** An attribute value: valid, of a wrong type, huge or full of meta-characters. */
	private String json(String name, StringBuilder input) {
		var kind = random.nextInt(12);
		return switch (kind) {
			case 0, 1, 2, 3 -> {
				var value = valid(name, String.class);
				yield value.equals("true") || value.equals("false") ? value : "\"" + escape(value) + "\"";
			}
			case 4, 5 -> "\"" + escape(value(name, String.class)) + "\"";
			case 6 -> oneOf(List.of("1", "-1", "0", "1.5", "1e309", "-9223372036854775809",
					"123456789012345678901234567890", "1E+2"));
			case 7 -> oneOf(List.of("true", "false", "null"));
			case 8 -> "[" + json(name, input) + "]";
			case 9 -> "{\"" + escape(name) + "\":" + json(name, input) + "}";
			case 10 -> "\"" + huge() + "\"";
			default -> "\"" + escape(draw(UNICODE)) + "\"";
		};
	}

	private List<String> attributes(String example) {
		var names = new ArrayList<String>();
		var matcher = java.util.regex.Pattern.compile("\"(\\w+)\":").matcher(example);
		var inAttributes = example.indexOf("\"attributes\"");
		while (inAttributes >= 0 && matcher.find()) {
			if (matcher.start() > inAttributes) {
				names.add(matcher.group(1));
			}
		}
		var extra = random.nextInt(0, 4);
		for (var i = 0; i < extra; i++) {
			names.add(pick(COMMON_ATTRIBUTES));
		}
		return names.stream().distinct().toList();
	}

	private String resourceType(Endpoint endpoint, String example) {
		var matcher = java.util.regex.Pattern.compile("\"type\":\"([^\"]+)\"").matcher(example);
		if (matcher.find()) {
			return matcher.group(1);
		}
		var segments = endpoint.pattern().split("/");
		for (var i = segments.length - 1; i >= 0; i--) {
			if (!segments[i].startsWith("{") && !segments[i].isEmpty()) {
				return segments[i];
			}
		}
		return "customers";
	}

	private String asHeader(String value) {
		// HTTP headers carry no control characters: keep printable ASCII
		var printable = value.replaceAll("[^\\x20-\\x7E]", "?");
		return printable.length() > 4000 ? printable.substring(0, 4000) : printable;
	}

	private static String escape(String value) {
		var out = new StringBuilder();
		for (var c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String shorten(String value) {
		var oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
		return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…(" + oneLine.length() + " chars)" : oneLine;
	}

}
