package io.clientele.storefront;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StorefrontHomeController {

	@GetMapping("/")
	String home() {
		return "storefront/home";
	}

}
