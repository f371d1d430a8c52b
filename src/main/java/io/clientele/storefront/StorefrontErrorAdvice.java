package io.clientele.storefront;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.clientele.credentials.PasswordHashingBusy;

/** Situations the storefront answers with a page of its own instead of a server error. */
@ControllerAdvice(basePackageClasses = StorefrontErrorAdvice.class)
class StorefrontErrorAdvice {

	/**
	 * Every hashing slot is taken (a login flood): ask the shopper to try again shortly.
	 */
	@ExceptionHandler(PasswordHashingBusy.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String busy() {
		return "storefront/busy";
	}

}
