package io.clientele.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.clientele.shared.ConfigurationProblem;

/**
 * Turns a {@link ConfigurationProblem} into Spring Boot's short start-up failure report.
 */
class ConfigurationProblemFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
