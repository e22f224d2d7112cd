package io.modelcatalog.maven;

/** The plugin's harness tests bind SLF4J too, silent: the same check on this module's test classpath. */
class Slf4jBindingTest extends io.modelcatalog.Slf4jBindingTest {}
