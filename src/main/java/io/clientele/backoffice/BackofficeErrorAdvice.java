package io.clientele.backoffice;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.clientele.address.AddressNotFound;

/**
 * A malformed id in a back-office address (a group, an address, a mail) is an unknown id:
 * the 404 page, as for an id that does not exist.
 */
@ControllerAdvice(basePackageClasses = BackofficeErrorAdvice.class)
class BackofficeErrorAdvice {

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, AddressNotFound.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		return "error";
	}

}
