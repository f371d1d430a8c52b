package io.clientele.backoffice;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Upload sizes, decided from the announced length before anything reads the body. An
 * import file over the limit is sent back to the import page, which says so: once the
 * container has refused a body, its fields are gone and the request would fail on its
 * CSRF token with a bare error page. Anywhere else, where nothing takes uploads, a
 * multipart body over Spring Boot's default limit is answered 413, as before the import
 * raised {@code spring.servlet.multipart.*}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BackofficeUploadLimitFilter extends OncePerRequestFilter {

	static final long ELSEWHERE = DataSize.ofMegabytes(10).toBytes();

	private final long importLimit;

	BackofficeUploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize importLimit) {
		this.importLimit = importLimit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getContentType();
		if (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10)) {
			chain.doFilter(request, response);
			return;
		}
		var length = request.getContentLengthLong();
		var importPath = request.getContextPath() + BackofficeImportController.PATH;
		if (importPath.equals(request.getRequestURI())) {
			if (length > importLimit) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION, importPath + "?too-large");
				return;
			}
		}
		else if (length > ELSEWHERE || length < 0) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
