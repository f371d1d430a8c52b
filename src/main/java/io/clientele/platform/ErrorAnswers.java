package io.clientele.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to every error the controllers did not answer themselves (Spring Security's
 * firewall, {@code sendError}, a filter's failure), in the format of the path it happened
 * on, whatever the client accepts: Glue's error envelope under {@code /api/**} and
 * {@code /.well-known/**}, the error page everywhere else. Replaces Spring Boot's
 * {@code BasicErrorController}, which answered its own JSON to API clients and to pages
 * fetched without {@code text/html}, and a server error to a request for {@code /error}
 * itself.
 */
@Controller
class ErrorAnswers implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	@Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 0;
		var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
				: request.getRequestURI();
		if (status < 400) {
			// someone asked for the error page itself: there is no page at this address
			status = HttpStatus.NOT_FOUND.value();
		}
		if (isApi(path)) {
			writeGlueError(response, status);
			return null;
		}
		// the page whatever the client said it accepts
		response.setContentType("text/html;charset=UTF-8");
		return new ModelAndView("error", Map.of("status", status), HttpStatusCode.valueOf(status));
	}

	/** Whether the path answers in Glue's format. */
	static boolean isApi(String path) {
		return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/.well-known/");
	}

	/** Glue's error envelope with the status and its reason as detail. */
	static void writeGlueError(HttpServletResponse response, int status) throws IOException {
		var reason = HttpStatus.resolve(status);
		response.setStatus(status);
		response.setContentType("application/vnd.api+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter()
			.write("{\"errors\":[{\"status\":" + status + ",\"detail\":\""
					+ (reason == null ? "Error" : reason.getReasonPhrase()) + "\"}]}");
	}

}
