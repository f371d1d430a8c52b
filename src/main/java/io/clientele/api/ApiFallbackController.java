package io.clientele.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any other path or method under {@code /api}: 404 in Glue's envelope, as Glue answers.
 */
@RestController
class ApiFallbackController {

	@Hidden
	@RequestMapping("/api/**")
	ResponseEntity<Object> notFound() {
		return JsonApi.errors(404, List.of(new GlueError(null, 404, "Not Found")));
	}

}
