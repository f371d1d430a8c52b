package io.clientele.storefront;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.clientele.authentication.CustomerPrincipal;
import io.clientele.credentials.PasswordManagement.PasswordStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the policy requires it, an outdated password must be changed (or, when it is only
 * too short, a second sign-in method added) before anything else.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws Exception {
				var authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer
						&& customer.passwordStatus() == PasswordStatus.CHANGE_REQUIRED) {
					response.sendRedirect(request.getContextPath() + "/customer/profile?password-outdated");
					return false;
				}
				return true;
			}
		})
			.addPathPatterns("/customer/**")
			// adding a second sign-in method is the other way to make a too-short
			// password
			// comply (the notice on the profile links there)
			.excludePathPatterns("/customer/profile", "/customer/profile/**", "/customer/security",
					"/customer/security/**");
	}

}
