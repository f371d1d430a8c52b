package io.clientele.storefront;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.customer.CustomerLocale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages speak the signed-in customer's preferred language, otherwise the browser's
 * (German for any German, English for everything else).
 */
@Component("localeResolver")
class StorefrontLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer) {
			return customer.locale().locale();
		}
		return CustomerLocale.closestTo(request.getLocale()).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("The language follows the customer's preference or the browser");
	}

}
