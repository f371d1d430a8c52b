package io.clientele.backoffice;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.clientele.audit.AuditActor;
import io.clientele.staff.StaffPrincipal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A back-office handler that changes something declares an {@link AuditActor} parameter:
 * the signed-in staff member, named by their address, and the request's client address.
 * It passes the actor to the feature, which records the action in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class BackofficeWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new StaffActorResolver());
	}

	static final class StaffActorResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == AuditActor.class;
		}

		@Override
		public AuditActor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal staff)) {
				// the filter chain lets only staff in; this is a second line, not the
				// gate
				throw new AccessDeniedException("Only a signed-in staff member acts in the back office");
			}
			var request = webRequest.getNativeRequest(HttpServletRequest.class);
			return AuditActor.staff(staff.email(), request == null ? null : request.getRemoteAddr());
		}

	}

}
