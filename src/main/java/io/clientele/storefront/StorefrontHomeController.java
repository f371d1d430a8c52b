package io.clientele.storefront;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StorefrontHomeController {

	@GetMapping("/")
	String home(@org.springframework.web.bind.annotation.RequestParam(name = "account-deleted",
			required = false) String deleted, org.springframework.ui.Model model) {
		if (deleted != null) {
			model.addAttribute("message", "account.deleted");
		}
		return "storefront/home";
	}

}
