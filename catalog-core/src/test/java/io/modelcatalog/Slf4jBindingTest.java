package io.modelcatalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The tests' classpath has an SLF4J binding, set silent: without one, SLF4J 1.7 prints its "Defaulting to
 * no-operation (NOP) logger implementation" warning into the test output the first time a library logs. SLF4J 1.7
 * looks for exactly the class checked here. Each module that binds it runs this test through a subclass of its own
 * (the classpath checked is the one of the class that runs).
 */
public class Slf4jBindingTest {

    @Test
    public void anSlf4jBindingIsOnTheTestClasspathAndSilent() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        assertNotNull(loader.getResource("org/slf4j/impl/StaticLoggerBinder.class"), "no SLF4J 1.7 binding");
        Properties settings = new Properties();
        try (InputStream in = loader.getResourceAsStream("simplelogger.properties")) {
            assertNotNull(in, "simplelogger.properties");
            settings.load(in);
        }
        assertEquals("off", settings.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
    }
}
