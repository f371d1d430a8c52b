package io.clientele.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a mail from {@code templates/mail/<name>.html} and {@code .txt} in the
 * recipient's language, with the subject {@code mail.<name>.subject} from the mail
 * messages.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MessageSource messages;

	private final JsonMapper json;

	MailTemplates(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
		engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
		engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	MailOutbox.RenderedMail render(MailType type, Recipient recipient, Map<String, Object> variables) {
		var content = content(type, recipient.name(), recipient.locale(), variables);
		return new MailOutbox.RenderedMail(type, recipient, content.subject(), content.html(), content.text());
	}

	/** Subject and both parts of a mail to a person of that name and language. */
	MailContent content(MailType type, String name, Locale locale, Map<String, ?> variables) {
		var context = new Context(locale);
		context.setVariable("name", name);
		variables.forEach(context::setVariable);
		var subject = messages.getMessage("mail." + type.template() + ".subject", null, locale);
		return new MailContent(subject, engine.process(type.template() + ".html", context),
				engine.process(type.template() + ".txt", context));
	}

	/**
	 * A mail queued with its variables only ({@link MailOutbox#queueAll}), rendered now
	 * from the outbox row's type, name, language tag and JSON variables.
	 */
	MailContent content(MailType type, String name, String languageTag, String variables) {
		Map<String, Object> values = json.readValue(variables, new TypeReference<Map<String, Object>>() {
		});
		return content(type, name, Locale.forLanguageTag(languageTag), values);
	}

	/**
	 * The mail as staff may see it: as it will be sent, but with its secret (the link,
	 * the password) replaced by the placeholder {@code mail.hidden.<variable>}.
	 */
	MailContent contentForStaff(MailType type, String name, String languageTag, String variables) {
		Map<String, Object> values = new java.util.HashMap<>(
				json.readValue(variables, new TypeReference<Map<String, Object>>() {
				}));
		var locale = Locale.forLanguageTag(languageTag);
		var secret = type.secret();
		if (secret != null) {
			values.put(secret, hidden(secret, locale));
		}
		return content(type, name, locale, values);
	}

	/** The placeholder of a secret, in the mail's language. */
	String hidden(String secret, Locale locale) {
		return messages.getMessage("mail.hidden." + secret, null, locale);
	}

	/** The subject of a mail of that type in that language. */
	String subject(MailType type, String languageTag) {
		return messages.getMessage("mail." + type.template() + ".subject", null, Locale.forLanguageTag(languageTag));
	}

	record MailContent(String subject, String html, String text) {
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
