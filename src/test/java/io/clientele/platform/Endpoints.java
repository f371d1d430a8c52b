package io.clientele.platform;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every endpoint the application maps, read from its own handler mapping, with the fields
 * its handler reads: a new controller method is fuzzed without anyone listing it here.
 */
record Endpoints(List<Endpoint> all) {

	/** Methods a mapping without methods answers are fuzzed with. */
	private static final List<String> ANY_METHOD = List.of("GET", "POST", "PATCH", "DELETE");

	static Endpoints of(RequestMappingHandlerMapping mapping) {
		var endpoints = new ArrayList<Endpoint>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			var methods = methods(info);
			for (var pattern : info.getPatternValues()) {
				for (var method : methods) {
					endpoints.add(endpoint(method, pattern, info, handler));
				}
			}
		});
		endpoints.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
		return new Endpoints(List.copyOf(endpoints));
	}

	private static List<String> methods(RequestMappingInfo info) {
		var declared = info.getMethodsCondition().getMethods();
		return declared.isEmpty() ? ANY_METHOD : declared.stream().map(RequestMethod::name).sorted().toList();
	}

	private static Endpoint endpoint(String method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
		var pathVariables = new LinkedHashMap<String, Class<?>>();
		var fields = new LinkedHashMap<String, Class<?>>();
		var upload = false;
		var jsonBody = false;
		for (var parameter : handler.getMethod().getParameters()) {
			if (parameter.isAnnotationPresent(PathVariable.class)) {
				var annotation = parameter.getAnnotation(PathVariable.class);
				pathVariables.put(name(annotation.name(), annotation.value(), parameter), parameter.getType());
			}
			else if (parameter.isAnnotationPresent(RequestParam.class)) {
				var annotation = parameter.getAnnotation(RequestParam.class);
				if (MultipartFile.class.isAssignableFrom(parameter.getType())) {
					upload = true;
				}
				else if (!Map.class.isAssignableFrom(parameter.getType())) {
					fields.put(name(annotation.name(), annotation.value(), parameter), parameter.getType());
				}
			}
			else if (parameter.isAnnotationPresent(RequestPart.class)
					|| MultipartFile.class.isAssignableFrom(parameter.getType())) {
				upload = true;
			}
			else if (parameter.isAnnotationPresent(RequestBody.class)) {
				jsonBody = true;
			}
			else if (parameter.isAnnotationPresent(ModelAttribute.class) || isForm(parameter)) {
				fields.putAll(formFields(parameter.getType()));
			}
		}
		var consumes = info.getConsumesCondition()
			.getConsumableMediaTypes()
			.stream()
			.map(type -> type.toString())
			.toList();
		return new Endpoint(method, pattern, Map.copyOf(pathVariables), Map.copyOf(fields), upload, jsonBody, consumes,
				handler.getShortLogMessage());
	}

	private static boolean isForm(Parameter parameter) {
		var type = parameter.getType();
		var onlyValidation = Arrays.stream(parameter.getAnnotations())
			.allMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.validation")
					|| a.annotationType().getPackageName().startsWith("org.springframework.validation"));
		return onlyValidation && !BeanUtils.isSimpleProperty(type) && type.getPackageName().startsWith("io.clientele")
				&& !Model.class.isAssignableFrom(type) && !RedirectAttributes.class.isAssignableFrom(type);
	}

	private static Map<String, Class<?>> formFields(Class<?> form) {
		var fields = new LinkedHashMap<String, Class<?>>();
		if (form.isRecord()) {
			Arrays.stream(form.getRecordComponents()).forEach(c -> fields.put(c.getName(), c.getType()));
		}
		else {
			Arrays.stream(form.getDeclaredFields())
				.filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers()))
				.forEach(f -> fields.put(f.getName(), f.getType()));
		}
		return fields;
	}

	private static String name(String name, String value, Parameter parameter) {
		return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getName();
	}

	/** One method at one path pattern and what its handler reads. */
	record Endpoint(String method, String pattern, Map<String, Class<?>> pathVariables, Map<String, Class<?>> fields,
			boolean upload, boolean jsonBody, List<String> consumes, String handler) {

		/** The API answers in Glue's error envelope; everything else is a page. */
		boolean api() {
			return pattern.startsWith("/api") || pattern.startsWith("/.well-known");
		}

		boolean backoffice() {
			return pattern.startsWith("/backoffice");
		}

		boolean formUrlEncoded() {
			return consumes.stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).contains("form-urlencoded"));
		}

		Set<String> variables() {
			return pathVariables.keySet();
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

}
