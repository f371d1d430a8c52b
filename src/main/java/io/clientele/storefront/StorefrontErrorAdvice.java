package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.clientele.address.AddressNotFound;
import io.clientele.credentials.PasswordHashingBusy;

/** Situations the storefront answers with a page of its own instead of a server error. */
@ControllerAdvice(basePackageClasses = StorefrontErrorAdvice.class)
class StorefrontErrorAdvice {

	/**
	 * An address of another customer, or a malformed id in an address bar: the 404 page,
	 * as for one that does not exist.
	 */
	@ExceptionHandler({ AddressNotFound.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(org.springframework.ui.Model model) {
		model.addAttribute("status", 404);
		return "error";
	}

	/**
	 * Every hashing slot is taken (a login flood): ask the shopper to try again shortly.
	 */
	@ExceptionHandler(PasswordHashingBusy.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String busy(jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, PasswordHashingBusy.RETRY_AFTER_SECONDS);
		return "storefront/busy";
	}

}
