package io.clientele.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** JSON:API documents as Glue writes them: null attributes kept, absolute self links. */
final class JsonApi {

	static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/vnd.api+json");

	// PHP's Y-m-d H:i:s.u, in UTC
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private JsonApi() {
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	static @Nullable String date(@Nullable LocalDate date) {
		return date == null ? null : date.toString();
	}

	/** The absolute link to a path under the API, e.g. {@code /customers/DE--1}. */
	static String link(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api").path(path).build().toUriString();
	}

	static Map<String, Object> resource(String type, @Nullable String id, Map<String, @Nullable Object> attributes,
			@Nullable String selfPath) {
		var resource = new LinkedHashMap<String, Object>();
		resource.put("type", type);
		resource.put("id", id);
		resource.put("attributes", attributes);
		if (selfPath != null) {
			resource.put("links", Map.of("self", link(selfPath)));
		}
		return resource;
	}

	static ResponseEntity<Object> single(HttpStatus status, Map<String, Object> resource) {
		var document = new LinkedHashMap<String, Object>();
		document.put("data", resource);
		if (resource.get("links") instanceof Map<?, ?> links) {
			document.put("links", links);
		}
		return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(document);
	}

	static ResponseEntity<Object> collection(List<Map<String, Object>> resources, String selfPath) {
		var document = new LinkedHashMap<String, Object>();
		document.put("data", resources);
		document.put("links", Map.of("self", link(selfPath)));
		return ResponseEntity.ok().contentType(MEDIA_TYPE).body(document);
	}

	/**
	 * A wait as {@code Retry-After} gives it: whole seconds, rounded up, at least one.
	 */
	static long seconds(java.time.Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	static ResponseEntity<Object> noContent() {
		return ResponseEntity.noContent().build();
	}

	static ResponseEntity<Object> errors(int status, List<GlueError> errors) {
		return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(Map.of("errors", errors));
	}

	/** An ordered map that keeps null values, for attributes. */
	static Map<String, @Nullable Object> attributes() {
		return new LinkedHashMap<>();
	}

}
