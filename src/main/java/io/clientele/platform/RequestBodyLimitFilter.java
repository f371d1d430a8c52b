package io.clientele.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.clientele.shared.RequestBodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bounds every request body while it is read, whatever its {@code Content-Length} says
 * (chunked bodies have none): a body announced larger than the limit is refused before it
 * is read, and one that grows past it fails its reader with {@link RequestBodyTooLarge}.
 * Either way the answer is 413 in the path's format (Glue's error envelope under
 * {@code /api}, the error page elsewhere), never a 400 or 500. Forms and multipart bodies
 * are parsed by the container, under its own limits ({@code max-http-form-post-size},
 * {@code spring.servlet.multipart.*}); its refusal becomes the same 413. Multipart bodies
 * are judged by the back office's upload filter, which knows who may upload large files.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final String GLUE_TOO_LARGE = "{\"errors\":[{\"status\":413,\"detail\":\"Request body is too large.\"}]}";

	private final long limit;

	RequestBodyLimitFilter(HttpSettings settings) {
		this.limit = settings.maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isMultipart(request) && request.getContentLengthLong() > limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		var bounded = new BoundedRequest(request, limit);
		try {
			chain.doFilter(bounded, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			var status = refusal(ex);
			if (status == 0 || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, status);
			return;
		}
		// a reader that turned the failure into an answer of its own (a 400 for a body it
		// could not read) is corrected while the answer is still unsent
		if (bounded.exceeded && response.getStatus() != HttpStatus.CONTENT_TOO_LARGE.value()
				&& !response.isCommitted()) {
			response.reset();
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE.value());
		}
	}

	// the status a failure stands for when the body was too large or could not be
	// parsed by the container; 0 for any other failure
	private static int refusal(Throwable failure) {
		if (RequestBodyTooLarge.isCauseOf(failure)) {
			return HttpStatus.CONTENT_TOO_LARGE.value();
		}
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			// Tomcat's refusal of a form or multipart body it would not parse (413 when
			// too
			// large, 400 when malformed), raised from the first getParameter
			if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException invalid) {
				return invalid.getErrorCode() > 0 ? invalid.getErrorCode() : HttpStatus.BAD_REQUEST.value();
			}
			// Spring's FormContentFilter could not decode a PUT, PATCH or DELETE form
			// body
			// (a stray "%" or invalid UTF-8): the client's mistake
			if (cause instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
				return HttpStatus.BAD_REQUEST.value();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return 0;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status)
			throws IOException {
		// whatever is left of the body is not read: the connection closes after the
		// answer
		response.setHeader("Connection", "close");
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/.well-known/")) {
			response.setStatus(status);
			response.setContentType("application/vnd.api+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter()
				.write(status == HttpStatus.CONTENT_TOO_LARGE.value() ? GLUE_TOO_LARGE
						: "{\"errors\":[{\"status\":" + status + ",\"detail\":\"Request body is malformed.\"}]}");
			return;
		}
		response.sendError(status);
	}

	static boolean isMultipart(HttpServletRequest request) {
		var type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
	}

	/** The request with a body that fails its reader once it passes the limit. */
	static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable BoundedInputStream stream;

		private @Nullable BufferedReader reader;

		boolean exceeded;

		BoundedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new BoundedInputStream(super.getInputStream());
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				var encoding = getCharacterEncoding();
				var charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return reader;
		}

		private final class BoundedInputStream extends ServletInputStream {

			private final ServletInputStream body;

			private long count;

			BoundedInputStream(ServletInputStream body) {
				this.body = body;
			}

			@Override
			public int read() throws IOException {
				var b = body.read();
				if (b >= 0) {
					counted(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				// never more than one byte past the limit: that one tells
				var n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, limit + 1 - count)));
				if (n > 0) {
					counted(n);
				}
				return n;
			}

			private void counted(int n) throws RequestBodyTooLarge {
				count += n;
				if (count > limit) {
					exceeded = true;
					throw new RequestBodyTooLarge(limit);
				}
			}

			@Override
			public boolean isFinished() {
				return body.isFinished();
			}

			@Override
			public boolean isReady() {
				return body.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				body.setReadListener(listener);
			}

		}

	}

}
