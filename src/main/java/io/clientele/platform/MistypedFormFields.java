package io.clientele.platform;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.server.ResponseStatusException;

/**
 * A form field whose value is not of the field's type ({@code sendLink=$1},
 * {@code version=abc}: no browser sends these from the application's forms) is refused
 * with 400 before the handler runs. Bound into a record, such a value leaves the form
 * without a target, and the handler's field errors and the re-rendered form failed on it
 * with a server error. A NUL character (U+0000) in any text field is refused the same
 * way: no text of the application may hold it, and PostgreSQL refused to store it with a
 * server error.
 */
@ControllerAdvice
class MistypedFormFields {

	private static final DefaultBindingErrorProcessor REFUSE_MISTYPED = new DefaultBindingErrorProcessor() {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
			if (ex instanceof TypeMismatchException) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A form field of the wrong type", ex);
			}
			super.processPropertyAccessException(ex, bindingResult);
		}

	};

	@InitBinder
	void refuseMistypedFields(WebDataBinder binder) {
		binder.setBindingErrorProcessor(REFUSE_MISTYPED);
		binder.registerCustomEditor(String.class, new TextWithoutNul());
	}

	/** Text as sent, unless it holds a NUL character: then not text at all. */
	static final class TextWithoutNul extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			if (text != null && text.indexOf('\0') >= 0) {
				throw new IllegalArgumentException("Text with a NUL character");
			}
			setValue(text);
		}

	}

}
