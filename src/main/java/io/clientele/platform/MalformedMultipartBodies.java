package io.clientele.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body the container cannot parse (no boundary, a broken part) is the
 * client's mistake: 400 (413 when too large) in the path's format ({@link ErrorAnswers}),
 * not a server error. Parts are parsed when a handler first asks for a parameter.
 */
@ControllerAdvice
class MalformedMultipartBodies {

	@ExceptionHandler(MultipartException.class)
	void refuse(MultipartException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE.value()
				: HttpStatus.BAD_REQUEST.value());
	}

}
