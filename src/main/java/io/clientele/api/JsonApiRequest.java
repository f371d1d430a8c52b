package io.clientele.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads Glue's request envelope {@code {"data":{"type","id","attributes"}}}. */
final class JsonApiRequest {

	private JsonApiRequest() {
	}

	/**
	 * The attributes of a document of the given type.
	 * @throws GlueException "Post data is invalid." for anything but such a document,
	 * "Invalid type." for another type
	 */
	static JsonNode attributes(JsonMapper json, String body, String expectedType) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new GlueException(GlueError.POST_DATA_INVALID);
		}
		var data = root == null ? null : root.get("data");
		if (data == null || !data.isObject()) {
			throw new GlueException(GlueError.POST_DATA_INVALID);
		}
		var type = data.get("type");
		if (type == null || !type.isString()) {
			throw new GlueException(GlueError.POST_DATA_INVALID);
		}
		if (!expectedType.equals(type.stringValue())) {
			throw new GlueException(GlueError.INVALID_TYPE);
		}
		var attributes = data.get("attributes");
		if (attributes == null || !attributes.isObject() || holdsNul(attributes)) {
			throw new GlueException(GlueError.POST_DATA_INVALID);
		}
		return attributes;
	}

	// a NUL character (\u0000) is no text anyone stores, and PostgreSQL refuses it
	private static boolean holdsNul(JsonNode node) {
		if (node.isString()) {
			return node.stringValue().indexOf('\0') >= 0;
		}
		for (var child : node) {
			if (holdsNul(child)) {
				return true;
			}
		}
		for (var name : node.propertyNames()) {
			if (name.indexOf('\0') >= 0) {
				return true;
			}
		}
		return false;
	}

}
