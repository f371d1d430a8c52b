package io.clientele.api;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.clientele.credentials.PasswordHashingBusy;
import io.clientele.shared.RequestBodyTooLarge;

/** Every failure of the API as Glue's error envelope; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	@ExceptionHandler(GlueException.class)
	ResponseEntity<Object> glue(GlueException ex) {
		var answer = JsonApi.errors(ex.status(), ex.errors());
		return ex.retryAfter()
			.<ResponseEntity<Object>>map(wait -> ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(JsonApi.seconds(wait)))
				.body(answer.getBody()))
			.orElse(answer);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex) {
		if (RequestBodyTooLarge.isCauseOf(ex)) {
			// a body that grew past the limit while Jackson read it (chunked, or longer
			// than announced)
			return JsonApi.errors(413, List.of(new GlueError(null, 413, "Request body is too large.")));
		}
		return JsonApi.errors(400, List.of(GlueError.POST_DATA_INVALID));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Object> mediaType() {
		return JsonApi.errors(415,
				List.of(new GlueError(null, 415, "Unsupported media type: send application/vnd.api+json.")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Object> method() {
		return JsonApi.errors(405, List.of(new GlueError(null, 405, "Method not allowed.")));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Object> notFound() {
		return JsonApi.errors(404, List.of(new GlueError(null, 404, "Not Found")));
	}

	@ExceptionHandler(PasswordHashingBusy.class)
	ResponseEntity<Object> busy() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, PasswordHashingBusy.RETRY_AFTER_SECONDS)
			.contentType(JsonApi.MEDIA_TYPE)
			.body(java.util.Map.of("errors",
					List.of(new GlueError(null, 503, "Too many requests at once. Please try again shortly."))));
	}

}
