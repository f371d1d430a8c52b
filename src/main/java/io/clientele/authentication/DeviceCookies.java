package io.clientele.authentication;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.clientele.credentials.LockoutSettings;
import io.clientele.credentials.LoginAttempt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The device cookie of OWASP's scheme against lockout as a weapon: given to a browser at
 * a successful login, sent back with every later password check, so that its failures
 * count apart from everyone else's. HttpOnly, for the path of its area only, and
 * {@code Secure} whenever the public URL is https (TLS may end at a proxy).
 */
@Component
public class DeviceCookies {

	/** The customers' cookie (storefront). */
	public static final String CUSTOMER = "clientele_device";

	/** The staff's cookie (back office). */
	public static final String STAFF = "clientele_staff_device";

	private final boolean https;

	// the cookie lasts as long as the token in it is trusted
	private final Duration validity;

	DeviceCookies(@Value("${clientele.public-url:http://localhost:8080}") String publicUrl, LockoutSettings lockout) {
		this.https = publicUrl.regionMatches(true, 0, "https:", 0, 6);
		this.validity = lockout.deviceValidity();
	}

	/** The password check of this request: its client address and device cookie. */
	public static LoginAttempt attempt(HttpServletRequest request, String cookie) {
		return new LoginAttempt(request.getRemoteAddr(), value(request, cookie));
	}

	/** The password check of the current request, when there is one. */
	public static LoginAttempt currentAttempt(String cookie) {
		return current().map(attributes -> attempt(attributes.getRequest(), cookie))
			.orElse(LoginAttempt.unknownClient());
	}

	/** Gives the browser of the current request its device token. */
	public void remember(String cookie, String token, String path) {
		current().ifPresent(attributes -> {
			if (attributes.getResponse() != null) {
				remember(attributes.getResponse(), cookie, token, path, https || attributes.getRequest().isSecure());
			}
		});
	}

	private void remember(HttpServletResponse response, String cookie, String token, String path, boolean secure) {
		response.addHeader("Set-Cookie",
				ResponseCookie.from(cookie, token)
					.httpOnly(true)
					.secure(secure)
					.sameSite("Lax")
					.path(path)
					.maxAge(validity)
					.build()
					.toString());
	}

	private static @Nullable String value(HttpServletRequest request, String name) {
		var cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (var each : cookies) {
			if (each.getName().equals(name)) {
				return each.getValue();
			}
		}
		return null;
	}

	private static java.util.Optional<ServletRequestAttributes> current() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? java.util.Optional.of(attributes) : java.util.Optional.empty();
	}

}
