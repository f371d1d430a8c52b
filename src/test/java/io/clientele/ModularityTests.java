package io.clientele;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ClienteleApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAlongAllowedDependencies() {
		modules.verify();
	}

	@Test
	void writesModuleDiagramsAndCanvases() {
		// target/spring-modulith-docs, a build artefact
		new Documenter(modules).writeDocumentation();
	}

}
