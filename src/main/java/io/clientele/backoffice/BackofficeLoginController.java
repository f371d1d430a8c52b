package io.clientele.backoffice;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@Controller
class BackofficeLoginController {

	static final String BLOCKED_MINUTES = BackofficeLoginController.class.getName() + ".blockedMinutes";

	static final String BUSY = BackofficeLoginController.class.getName() + ".busy";

	@GetMapping("/backoffice/login")
	String login() {
		return "backoffice/login";
	}

	/** Reached only by forward from a blocked login: 429 and how long to wait. */
	@RequestMapping(path = "/backoffice/login/blocked", method = { RequestMethod.GET, RequestMethod.POST })
	String blocked(HttpServletRequest request, HttpServletResponse response, Model model) {
		var minutes = request.getAttribute(BLOCKED_MINUTES);
		if (minutes == null) {
			return "redirect:/backoffice/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("minutes", minutes);
		return "backoffice/login-blocked";
	}

	/**
	 * Reached only by forward from a login whose password check found every hashing slot
	 * taken: 503 at once, and when to try again.
	 */
	@RequestMapping(path = "/backoffice/login/busy", method = { RequestMethod.GET, RequestMethod.POST })
	String busy(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (request.getAttribute(BUSY) == null) {
			return "redirect:/backoffice/login";
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
				io.clientele.credentials.PasswordHashingBusy.RETRY_AFTER_SECONDS);
		return "backoffice/login-busy";
	}

}
