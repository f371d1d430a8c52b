package io.clientele.platform;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash or NUL in
 * the path, a path that climbs above the root, a malformed request line) are answered by
 * Tomcat's error report: under {@code /api/**} in Glue's error envelope instead of
 * Tomcat's HTML page, elsewhere Tomcat's page without report or server information. Runs
 * after Spring Boot's customizer, which put in the plain valve this one replaces.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ContainerErrorAnswers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			var pipeline = context.getParent().getPipeline();
			for (var valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			var valve = new GlueErrorReportValve();
			valve.setShowReport(false);
			valve.setShowServerInfo(false);
			pipeline.addValve(valve);
			// the host adds a valve of this class when it starts unless it finds one
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(GlueErrorReportValve.class.getName());
			}
		});
	}

	static final class GlueErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			// a request refused while its headers were read may have no parsed URI yet
			var path = request.getRequestURI() != null ? request.getRequestURI()
					: request.getCoyoteRequest().requestURI().toString();
			if (path == null || !ErrorAnswers.isApi(path)) {
				super.report(request, response, throwable);
				return;
			}
			var status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.resetBuffer();
				ErrorAnswers.writeGlueError(response, status);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the answer was sent: nothing left to say
			}
		}

	}

}
